package dev.migrate.command;

import dev.migrate.script.MigrationScript;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The answer of {@code history}, {@code current}, {@code heads}, {@code branches} and {@code show}: the
 * revisions as values, and each one's text as Alembic prints it. For {@code current}, {@code unknownInDatabase}
 * holds the database's revisions that no script defines (the database is ahead of the application): they have no
 * entry, as there is no script to describe, and a line each saying so.
 */
public record RevisionListing(List<Entry> entries, List<String> currentHeads, List<String> unknownInDatabase) {

    public RevisionListing {
        entries = List.copyOf(entries);
        currentHeads = List.copyOf(currentHeads);
        unknownInDatabase = List.copyOf(unknownInDatabase);
    }

    public RevisionListing(List<Entry> entries, List<String> currentHeads) {
        this(entries, currentHeads, List.of());
    }

    /** Whether the database is at a revision no script defines: a newer version of the application migrated it. */
    public boolean ahead() {
        return !unknownInDatabase.isEmpty();
    }

    /** The line {@code current} shows for a revision no script defines. */
    public static String describeUnknown(String revision) {
        return revision + " (not in the scripts: the database is ahead of this application)";
    }

    /** One revision: id, parents, its own branch labels, message, where its script is, and its formatted text. */
    public record Entry(String revision, List<String> downRevisions, java.util.Set<String> branchLabels, String message,
                        String location, String text) {
    }

    static RevisionListing of(List<MigrationScript> scripts, List<String> currentHeads,
                              Function<MigrationScript, String> formatter) {
        List<Entry> entries = new ArrayList<>();
        for (MigrationScript script : scripts) {
            entries.add(new Entry(script.id(), script.revision().downRevisions(), script.revision().branchLabels(),
                    script.message(), script.location(),
                    formatter.apply(script)));
        }
        return new RevisionListing(entries, currentHeads);
    }

    RevisionListing withUnknownInDatabase(List<String> unknown) {
        return new RevisionListing(entries, currentHeads, unknown);
    }

    /** Every entry's text, one after another, as the command line shows them. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(entries.stream().map(Entry::text).toList());
        unknownInDatabase.forEach(revision -> lines.add(describeUnknown(revision)));
        return List.copyOf(lines);
    }

    public List<String> revisions() {
        return entries.stream().map(Entry::revision).toList();
    }

    /** Every branch label of the listed revisions, sorted. */
    public List<String> branchLabels() {
        return entries.stream().flatMap(entry -> entry.branchLabels().stream()).distinct().sorted().toList();
    }
}
