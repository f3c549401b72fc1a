package dev.migrate.shell;

import org.springframework.boot.ExitCodeGenerator;

/**
 * Tells Spring Shell that a {@code db} command failed when nobody is at the prompt (Shell's {@code script}
 * command, {@code @file}, a non-interactive run): Shell stops a script only on an exception, not on a status.
 * The command has already printed what went wrong, so the message only names it; Boot exits with the status.
 */
public final class DbCommandFailedException extends RuntimeException implements ExitCodeGenerator {

    private final int status;

    public DbCommandFailedException(String commandLine, int status) {
        super("'" + commandLine + "' failed (exit status " + status + ")", null, false, false);
        this.status = status;
    }

    @Override
    public int getExitCode() {
        return status;
    }
}
