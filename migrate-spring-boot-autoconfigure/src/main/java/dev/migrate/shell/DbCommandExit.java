package dev.migrate.shell;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;

/** How a one-shot {@code db} command ends the process; replaced in tests, which must not exit the JVM. */
@FunctionalInterface
public interface DbCommandExit {

    void exit(int status);

    /** Closes the context (its exit code generators may change the status) and ends the process. */
    static DbCommandExit closing(ApplicationContext context) {
        return status -> System.exit(SpringApplication.exit(context, () -> status));
    }
}
