package dev.migrate.shell;

import dev.migrate.command.MigrationStatus;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code db status}: the database's revisions as a readable table, oldest first (applied, then pending),
 * with when and how long each ran, the repeatable scripts by name with their state (a table of their own), then
 * drift, failed attempts and the lock holder when there are any.
 */
final class StatusTable {

    private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final MigrationStatus status;

    StatusTable(MigrationStatus status) {
        this.status = status;
    }

    List<String> lines() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"REVISION", "STATE", "APPLIED AT (UTC)", "DURATION", "MESSAGE"});
        for (MigrationStatus.Applied applied : status.applied()) {
            boolean edited = status.editedAfterApplied().contains(applied.revision());
            rows.add(new String[] {applied.revision(), edited ? "edited" : "applied",
                    applied.appliedAt() == null ? "-" : APPLIED_AT.format(applied.appliedAt()),
                    applied.durationMillis() == null ? "-" : applied.durationMillis() + " ms", applied.message()});
        }
        for (MigrationStatus.Pending pending : status.pending()) {
            rows.add(new String[] {pending.revision(), "pending", "", "", pending.message()});
        }
        List<String> lines = new ArrayList<>();
        lines.add("Database (" + status.database() + ") at " + join(status.currentHeads()) + "; scripts' heads: "
                + join(status.scriptHeads()) + (status.atHead() ? " (up to date)" : ""));
        lines.addAll(aligned(rows));
        if (!status.repeatables().isEmpty()) {
            List<String[]> repeatables = new ArrayList<>();
            repeatables.add(new String[] {"REPEATABLE", "STATE", "APPLIED AT (UTC)", "DURATION", "MESSAGE"});
            for (MigrationStatus.Repeatable repeatable : status.repeatables()) {
                repeatables.add(new String[] {repeatable.name(), repeatable.state().name().toLowerCase(java.util.Locale.ROOT),
                        repeatable.appliedAt() == null ? "-" : APPLIED_AT.format(repeatable.appliedAt()),
                        repeatable.durationMillis() == null ? "-" : repeatable.durationMillis() + " ms",
                        repeatable.message()});
            }
            lines.addAll(aligned(repeatables));
        }
        if (!status.editedAfterApplied().isEmpty()) {
            lines.add("Edited after they were applied: " + String.join(", ", status.editedAfterApplied())
                    + "; upgrades refuse to run until 'db repair' records the reviewed edits");
        }
        if (!status.unknownInDatabase().isEmpty()) {
            lines.add("In the database but in no script: " + String.join(", ", status.unknownInDatabase())
                    + "; restore the scripts or 'db stamp --purge' a known revision");
        }
        status.failedAttempts().forEach(failed -> lines.add("Failed: " + failed.describe()));
        if (status.lockHolder() != null) {
            lines.add("Migration lock held by " + status.lockHolder());
        }
        return lines;
    }

    private static List<String> aligned(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i < columns - 1 ? String.format("%-" + widths[i] + "s  ", row[i]) : row[i]);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static String join(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
