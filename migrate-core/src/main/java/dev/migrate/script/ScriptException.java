package dev.migrate.script;

/**
 * A script that cannot be read, parsed, split or written. The message is one line that names the file
 * (and the line, where there is one), says what is wrong and what to do about it, so that a front end
 * can show it as it is.
 */
public class ScriptException extends RuntimeException {

    public ScriptException(String message) {
        super(message);
    }

    public ScriptException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code location:line: problem}, the form compilers use, which editors and terminals link. */
    public static ScriptException at(String location, int line, String problem) {
        return new ScriptException(location + ":" + line + ": " + problem);
    }
}
