package dev.migrate.script;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code -- migrate:...} comment lines that give a script its structure. They are recognised only
 * as a whole line, so that the same words inside a string or an ordinary comment mean nothing.
 */
enum Directive {
    UPGRADE("upgrade"),
    DOWNGRADE("downgrade"),
    NO_TRANSACTION("no-transaction"),
    FOREIGN_KEYS_OFF("foreign-keys-off"),
    STATEMENT_BEGIN("statement-begin"),
    STATEMENT_END("statement-end");

    static final String PREFIX = "migrate:";

    private final String word;

    Directive(String word) {
        this.word = word;
    }

    /** How it is written in a script: {@code -- migrate:upgrade}. */
    String text() {
        return "-- " + PREFIX + word;
    }

    /**
     * The directive a line holds, empty for any other line. A line that looks like a directive but names
     * none ({@code -- migrate:no-transactions}) is an error rather than a comment: a typo silently ignored
     * would change what the script does.
     */
    static Optional<Directive> of(String line, String location, int lineNumber) {
        // Cheap rejection first: most lines of a header are comments that are not directives.
        int at = skipSpaces(line, 0);
        if (!line.startsWith("--", at)) {
            return Optional.empty();
        }
        at = skipSpaces(line, at + 2);
        if (!line.regionMatches(true, at, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String trimmed = line.strip();
        String comment = trimmed.substring(2).strip();
        String name = comment.substring(PREFIX.length()).strip().toLowerCase(Locale.ROOT);
        for (Directive directive : values()) {
            if (directive.word.equals(name)) {
                return Optional.of(directive);
            }
        }
        throw ScriptException.at(location, lineNumber, "unknown directive \"" + trimmed + "\"; use one of "
                + Arrays.stream(values()).map(Directive::text).collect(Collectors.joining(", ")));
    }

    private static int skipSpaces(String line, int from) {
        int at = from;
        while (at < line.length() && Character.isWhitespace(line.charAt(at))) {
            at++;
        }
        return at;
    }
}
