package dev.migrate.graph;

import java.util.List;

/** The revisions' parents and dependencies loop back on themselves, so there is no order to run them in. */
public final class CycleException extends GraphException {

    private final List<String> revisions;

    /** {@code revisions} in the order the loop runs, each revising or depending on the one before. */
    public CycleException(List<String> revisions) {
        super("Cycle is detected in revisions (" + String.join(" -> ", revisions) + " -> " + revisions.get(0)
                + "); correct 'Revises' or 'Depends On' in one of these scripts to break it");
        this.revisions = List.copyOf(revisions);
    }

    public List<String> revisions() {
        return revisions;
    }
}
