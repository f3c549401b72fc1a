package dev.migrate.shell;

/** How a one-shot {@code db} command ends the process; replaced in tests, which must not exit the JVM. */
@FunctionalInterface
public interface DbCommandExit {

    void exit(int status);
}
