package dev.migrate.script;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What {@code revision}, {@code migrate} and {@code merge} ask to be written: the revision's header values
 * and, for autogenerate, the SQL of both sections (empty for a hand-written script).
 *
 * @param message  the {@code -m} message, or null/blank for none ({@code "empty message"} in the header,
 *                 no slug in the file name, as Alembic does)
 * @param upgrades SQL for the upgrade section, without a trailing newline; empty by default
 */
public record NewRevision(
        String revision,
        String message,
        List<String> downRevisions,
        List<String> branchLabels,
        List<String> dependsOn,
        LocalDateTime createDate,
        String upgrades,
        String downgrades,
        boolean foreignKeysOff) {

    public NewRevision {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(createDate, "createDate");
        downRevisions = List.copyOf(downRevisions);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        upgrades = upgrades == null ? "" : upgrades;
        downgrades = downgrades == null ? "" : downgrades;
    }

    public static NewRevision of(String revision, String message, List<String> downRevisions, LocalDateTime createDate) {
        return new NewRevision(revision, message, downRevisions, List.of(), List.of(), createDate, "", "", false);
    }

    public NewRevision withBranchLabels(List<String> labels) {
        return new NewRevision(revision, message, downRevisions, labels, dependsOn, createDate, upgrades, downgrades,
                foreignKeysOff);
    }

    public NewRevision withDependsOn(List<String> dependencies) {
        return new NewRevision(revision, message, downRevisions, branchLabels, dependencies, createDate, upgrades,
                downgrades, foreignKeysOff);
    }

    public NewRevision withSql(String upgradeSql, String downgradeSql) {
        return new NewRevision(revision, message, downRevisions, branchLabels, dependsOn, createDate, upgradeSql,
                downgradeSql, foreignKeysOff);
    }

    /** Marks the script {@code -- migrate:foreign-keys-off}: it rebuilds SQLite tables that others refer to. */
    public NewRevision withForeignKeysOff(boolean value) {
        return new NewRevision(revision, message, downRevisions, branchLabels, dependsOn, createDate, upgrades,
                downgrades, value);
    }
}
