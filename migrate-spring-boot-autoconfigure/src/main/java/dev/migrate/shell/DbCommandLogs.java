package dev.migrate.shell;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * While a {@code db} command runs at the prompt, the engine's INFO lines ("Running upgrade ...") and the
 * pool's start-up lines would repeat, with timestamps, what the command itself prints; they are raised to
 * WARN for the command's duration and put back afterwards. Loggers set to DEBUG or TRACE are left alone:
 * whoever asked for them wants them.
 */
final class DbCommandLogs {

    private static final List<String> QUIETED = List.of("dev.migrate", "com.zaxxer.hikari");

    private final LoggingSystem loggingSystem;

    DbCommandLogs(LoggingSystem loggingSystem) {
        this.loggingSystem = loggingSystem;
    }

    static DbCommandLogs none() {
        return new DbCommandLogs(null);
    }

    int quietly(IntSupplier command) {
        if (loggingSystem == null) {
            return command.getAsInt();
        }
        Map<String, LogLevel> restore = new LinkedHashMap<>();
        for (String name : QUIETED) {
            LoggerConfiguration configuration = loggingSystem.getLoggerConfiguration(name);
            LogLevel effective = configuration == null ? LogLevel.INFO : configuration.getEffectiveLevel();
            if (effective == LogLevel.INFO) {
                restore.put(name, configuration == null ? null : configuration.getConfiguredLevel());
                loggingSystem.setLogLevel(name, LogLevel.WARN);
            }
        }
        try {
            return command.getAsInt();
        } finally {
            restore.forEach(loggingSystem::setLogLevel);
        }
    }
}
