package dev.migrate.schema;

import java.util.List;

/**
 * What goes with a table when it is dropped, as the database keeps it: the views and materialized views that read
 * it (each after the views it reads), the triggers and rules on it and on those views, the sequences its columns
 * own (created before the table, owned by their columns after it), and, as one line each, what the engine cannot
 * create again (policies, grants, inheritance, publications...) and the triggers and rules of other tables that
 * name it, left as they are ({@code referrers}).
 */
public record Dependents(List<Schema.View> views, List<Schema.Trigger> triggers, List<Schema.Sequence> sequences,
                         List<String> notKept, List<Schema.Trigger> referrers) {

    public static final Dependents NONE = new Dependents(List.of(), List.of(), List.of(), List.of(), List.of());

    public Dependents {
        views = List.copyOf(views);
        triggers = List.copyOf(triggers);
        sequences = List.copyOf(sequences);
        notKept = List.copyOf(notKept);
        referrers = referrers == null ? List.of() : List.copyOf(referrers);
    }
}
