package dev.migrate.command;

import dev.migrate.script.MigrationScript;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The answer of {@code history}, {@code current}, {@code heads}, {@code branches} and {@code show}: the
 * revisions as values, and each one's text as Alembic prints it.
 */
public record RevisionListing(List<Entry> entries, List<String> currentHeads) {

    public RevisionListing {
        entries = List.copyOf(entries);
        currentHeads = List.copyOf(currentHeads);
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

    /** Every entry's text, one after another, as the command line shows them. */
    public List<String> lines() {
        return entries.stream().map(Entry::text).toList();
    }

    public List<String> revisions() {
        return entries.stream().map(Entry::revision).toList();
    }

    /** Every branch label of the listed revisions, sorted. */
    public List<String> branchLabels() {
        return entries.stream().flatMap(entry -> entry.branchLabels().stream()).distinct().sorted().toList();
    }
}
