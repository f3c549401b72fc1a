package dev.migrate.shell.oneshot;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.shell.DbCommandExit;
import dev.migrate.shell.MigrateCommandLineAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.List;

/**
 * An application with the starter, run in the test's JVM as {@code java -jar app.jar db ...} would run it; the
 * exit status is recorded instead of ending the JVM. Run it with {@code spring.boot.enableautoconfiguration=false}
 * (the test class path also holds Hibernate).
 */
@SpringBootConfiguration
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
        MigrateCommandLineAutoConfiguration.class})
public class OneShotApplication {

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
}
