package dev.migrate.shell;

/** Where a {@code db} command writes, and how it asks the user (only when someone is there to answer). */
public interface DbConsole {

    void out(String text);

    void err(String text);

    /** Whether a person can answer questions (the interactive shell), as opposed to a script or CI. */
    boolean interactive();

    /** Asks a yes/no question; only called when {@link #interactive()}. */
    boolean confirm(String question);
}
