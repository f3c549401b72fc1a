package dev.migrate.graph;

/** A branch label is declared by two revisions, or is also a revision id, so it would name two things. */
public final class DuplicateBranchLabelException extends GraphException {

    private final String label;

    public DuplicateBranchLabelException(String label, String message) {
        super(message);
        this.label = label;
    }

    static DuplicateBranchLabelException usedTwice(String label, String revision, String other) {
        return new DuplicateBranchLabelException(label, "Branch name '" + label + "' in revision " + revision
                + " already used by revision " + other + "; choose another branch label");
    }

    static DuplicateBranchLabelException sameAsRevision(String label, String revision) {
        return new DuplicateBranchLabelException(label, "Branch name '" + label + "' in revision " + revision
                + " is also a revision id; choose another branch label");
    }

    public String label() {
        return label;
    }
}
