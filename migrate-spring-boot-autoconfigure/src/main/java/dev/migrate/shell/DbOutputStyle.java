package dev.migrate.shell;

/**
 * How the interactive shell shows errors and questions: in colour when the terminal supports it, plain
 * otherwise (and always plain on the one-shot command line, whose output is for scripts and logs).
 */
public interface DbOutputStyle {

    DbOutputStyle PLAIN = new DbOutputStyle() {
    };

    default String error(String text) {
        return text;
    }

    default String question(String text) {
        return text;
    }
}
