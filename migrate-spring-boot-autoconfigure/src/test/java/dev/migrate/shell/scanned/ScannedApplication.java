package dev.migrate.shell.scanned;

import dev.migrate.shell.DbCommandExit;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.List;

/**
 * An application whose component scan holds what a {@code db} command uses (a callback in a scanned component, with a
 * service of its own; its own DataSource in a scanned configuration) and what it does not (a web controller, a Spring
 * Shell command class, a service nothing of the command's uses). Top-level classes: nested ones are registered as
 * member classes of the configuration, outside the scan. The exit status of a one-shot command is recorded instead of
 * ending the JVM.
 */
@SpringBootApplication
public class ScannedApplication {

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
