package dev.migrate.command;

import java.util.List;

/**
 * The options of {@code db revision}, as Flask-Migrate's: the message ({@code -m}), the parent
 * ({@code --head}, default {@code head}), {@code --splice} to branch from a revision that is not a head,
 * {@code --branch-label}, {@code --depends-on}, a chosen {@code --rev-id}, and {@code --version-path}: which of
 * the configured script directories it goes to (Alembic's {@code version_locations}); null for the script directory.
 */
public record RevisionRequest(String message, String head, boolean splice, String branchLabel,
                              List<String> dependsOn, String revId, String versionPath) {

    public RevisionRequest(String message, String head, boolean splice, String branchLabel, List<String> dependsOn,
                           String revId) {
        this(message, head, splice, branchLabel, dependsOn, revId, null);
    }

    public RevisionRequest {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        if (head == null || head.isBlank()) {
            head = "head";
        }
    }

    public static RevisionRequest withMessage(String message) {
        return new RevisionRequest(message, "head", false, null, List.of(), null);
    }

    public RevisionRequest withHead(String parent) {
        return new RevisionRequest(message, parent, splice, branchLabel, dependsOn, revId, versionPath);
    }

    public RevisionRequest withSplice() {
        return new RevisionRequest(message, head, true, branchLabel, dependsOn, revId, versionPath);
    }

    public RevisionRequest withBranchLabel(String label) {
        return new RevisionRequest(message, head, splice, label, dependsOn, revId, versionPath);
    }

    public RevisionRequest withDependsOn(List<String> revisions) {
        return new RevisionRequest(message, head, splice, branchLabel, revisions, revId, versionPath);
    }

    public RevisionRequest withRevId(String id) {
        return new RevisionRequest(message, head, splice, branchLabel, dependsOn, id, versionPath);
    }

    public RevisionRequest withVersionPath(String directory) {
        return new RevisionRequest(message, head, splice, branchLabel, dependsOn, revId, directory);
    }

    /** Whether the parent expression refers to the database ({@code current}). */
    boolean needsDatabase() {
        return head.contains("current");
    }
}
