package dev.migrate.script;

/**
 * One SQL statement of a script section, without its terminating semicolon, and the 1-based line of the
 * script file where it starts, so that a failure can name the file and the line.
 */
public record Statement(String sql, int line) {
}
