package dev.migrate.graph;

import java.util.List;

/**
 * An expression could mean several revisions: a prefix shared by several ids, or a relative walk that
 * meets a fork (several children going up, several parents going down, several current heads).
 */
public final class AmbiguousRevisionException extends GraphException {

    private final String expression;
    private final List<String> candidates;

    public AmbiguousRevisionException(String expression, List<String> candidates, String message) {
        super(message);
        this.expression = expression;
        this.candidates = List.copyOf(candidates);
    }

    public String expression() {
        return expression;
    }

    public List<String> candidates() {
        return candidates;
    }
}
