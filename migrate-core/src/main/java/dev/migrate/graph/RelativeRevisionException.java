package dev.migrate.graph;

/** A relative expression ({@code -2}, {@code +3}, {@code ae10+1}) walks past a base or a head. */
public final class RelativeRevisionException extends GraphException {

    private final String expression;

    public RelativeRevisionException(String expression, String message) {
        super(message);
        this.expression = expression;
    }

    public String expression() {
        return expression;
    }
}
