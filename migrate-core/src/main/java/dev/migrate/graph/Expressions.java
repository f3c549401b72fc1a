package dev.migrate.graph;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The syntax of revision expressions, apart from what they mean in a given graph. */
final class Expressions {

    static final String HEAD = "head";
    static final String HEADS = "heads";
    static final String BASE = "base";
    static final String CURRENT = "current";

    private static final Set<String> KEYWORDS = Set.of(HEAD, HEADS, BASE, CURRENT);

    /**
     * Alembic's relative form {@code [label@][symbol](+|-)N}, matched against the whole expression
     * (Alembic matches a prefix only, which is why it must forbid {@code -} and {@code +} in ids).
     */
    private static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?(\\w+)?([+-]\\d+)");

    private Expressions() {
    }

    static boolean isKeyword(String word) {
        return KEYWORDS.contains(word);
    }

    /**
     * A relative expression: walk {@code steps} (negative is down) from {@code symbol}, or from the
     * database's current heads when the symbol is absent, keeping to {@code label}'s branch if given.
     */
    record Relative(String label, String symbol, int steps) {
    }

    static Optional<Relative> relative(String expression) {
        Matcher m = RELATIVE.matcher(expression);
        if (!m.matches()) {
            return Optional.empty();
        }
        int steps;
        try {
            steps = Integer.parseInt(m.group(3));
        } catch (NumberFormatException tooLong) {
            throw new RelativeRevisionException(expression,
                    "Relative revision " + expression + " walks too far; use a smaller number or a revision id");
        }
        return Optional.of(new Relative(m.group(1), m.group(2), steps));
    }
}
