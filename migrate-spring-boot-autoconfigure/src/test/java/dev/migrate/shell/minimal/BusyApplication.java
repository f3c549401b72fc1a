package dev.migrate.shell.minimal;

import dev.migrate.runtime.MigrationCallback;
import dev.migrate.shell.DbCommandExit;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * An application with everything the test class path offers auto-configured (actuator, health, Spring Shell, JPA,
 * Jackson, task execution) and a bean of its own that a {@code db} command never needs; the exit status of a
 * one-shot command is recorded instead of ending the JVM.
 */
@SpringBootApplication
public class BusyApplication {

    @Bean
    ExitStatuses exitStatuses() {
        return new ExitStatuses(new ArrayList<>());
    }

    @Bean
    DbCommandExit recordingExit(ExitStatuses statuses) {
        return statuses.values()::add;
    }

    /** The statuses the command ended with. */
    public record ExitStatuses(List<Integer> values) {
    }

    /** Stands for the application's own work: a report cache warmed at startup, say. */
    @Component
    public static class ReportCache {
    }

    /** A callback of the engine, created by the command, that also listens to the context's close. */
    @Component
    public static class ClosingCallback implements MigrationCallback {

        private volatile boolean closed;

        @EventListener(ContextClosedEvent.class)
        void closed() {
            closed = true;
        }

        public boolean sawTheClose() {
            return closed;
        }
    }

    /** The application's own work done when the context is refreshed, through an event listener method. */
    @Component
    public static class StartupWarmer {

        private volatile boolean warmed;

        @EventListener(ContextRefreshedEvent.class)
        void warm() {
            warmed = true;
        }

        public boolean warmed() {
            return warmed;
        }
    }
}
