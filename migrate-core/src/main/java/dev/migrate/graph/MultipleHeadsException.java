package dev.migrate.graph;

import java.util.List;

/** {@code head} (or {@code label@head}) was asked for, but the graph has several heads there. */
public final class MultipleHeadsException extends GraphException {

    private final String expression;
    private final List<String> heads;

    public MultipleHeadsException(String expression, List<String> heads) {
        super("Multiple heads are present for '" + expression + "': " + String.join(", ", heads)
                + "; use 'heads' to apply all of them, a 'label@head' to pick one branch, or merge them");
        this.expression = expression;
        this.heads = List.copyOf(heads);
    }

    public String expression() {
        return expression;
    }

    public List<String> heads() {
        return heads;
    }
}
