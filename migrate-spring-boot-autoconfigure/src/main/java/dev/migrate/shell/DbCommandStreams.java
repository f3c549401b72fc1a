package dev.migrate.shell;

import java.io.PrintStream;

/**
 * Where a one-shot {@code db} command writes: {@code out} is the process's real standard output, kept for the
 * command's own output alone (while the command runs, {@code System.out} is the error stream, so that log lines
 * and anything else printed cannot end up in {@code db upgrade --sql > up.sql}); {@code err} for the rest.
 */
public record DbCommandStreams(PrintStream out, PrintStream err) {

    static final String BEAN_NAME = "migrateDbCommandStreams";
}
