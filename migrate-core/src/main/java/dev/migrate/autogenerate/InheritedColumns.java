package dev.migrate.autogenerate;

import dev.migrate.autogenerate.Step.Phase;
import dev.migrate.op.AlterColumn;
import dev.migrate.op.DropColumn;
import dev.migrate.op.ExecuteSql;
import dev.migrate.schema.Column;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL table inheritance ({@code INHERITS}): a column a table inherits can only be changed through the table it
 * comes from ("cannot alter inherited column"), and PostgreSQL carries that table's ALTER (type, nullability, default)
 * to every inheriting table. So the inheriting tables' ALTERs of such a column that agree with their ancestor's are
 * left out (the ancestor's does it); one that disagrees, or an inheriting table whose model does not follow its
 * ancestor's change, becomes a {@code -- WARNING} and a line in the output, never an ALTER that fails.
 */
final class InheritedColumns {

    private final Schema database;
    private final Map<String, List<String>> parents = new HashMap<>();
    /** Per inheriting table, its columns that come from its parents alone (none declared by the table itself). */
    private final Map<String, Set<String>> inheritedOnly = new HashMap<>();

    InheritedColumns(Schema database) {
        this.database = database;
        for (Schema.NotKept relation : database.notKept()) {
            if (relation.parent() != null) {
                parents.computeIfAbsent(relation.table(), child -> new ArrayList<>()).add(relation.parent());
                inheritedOnly.put(relation.table(), Set.copyOf(relation.inheritedOnly()));
            }
        }
    }

    /**
     * The steps found for each compared table ({@code pairs}: model, reflected), with the inheriting tables' ALTERs
     * of inherited columns left out or turned into warnings; {@code carried} receives, per table, the columns whose
     * type an ancestor's ALTER changes (their views and rules must be dropped around it too).
     */
    Map<String, List<Step>> adjust(Map<String, List<Step>> found, Map<String, Table[]> pairs,
                                   Map<String, List<String>> carried) {
        if (parents.isEmpty()) {
            return found;
        }
        Map<String, List<Step>> adjusted = new LinkedHashMap<>();
        found.forEach((table, steps) -> {
            List<Step> kept = new ArrayList<>();
            for (Step step : steps) {
                if (step.operation() instanceof DropColumn drop && root(table, drop.column().name()) != null) {
                    dropOfInherited(found, table, drop.column().name(), step).ifPresent(kept::add);
                    continue;
                }
                String root = step.operation() instanceof AlterColumn alter ? root(table, alter.from().name()) : null;
                if (root == null) {
                    kept.add(step);
                    continue;
                }
                AlterColumn alter = (AlterColumn) step.operation();
                AlterColumn rootAlter = alterOf(found.get(root), alter.from().name());
                if (rootAlter != null && agrees(rootAlter.to(), alter.to())) {
                    continue; // the ancestor's ALTER changes this column too
                }
                if (alter.typeChanged() || alter.nullableChanged() && alter.to().nullable()) {
                    kept.add(warning(table, alter.from().name(), root, step.tableRank(), "whose model says otherwise"));
                } else {
                    kept.add(step); // a default, or NOT NULL, PostgreSQL lets an inheriting table have of its own
                }
            }
            adjusted.put(table, kept);
        });
        // an inheriting table whose model does not follow its ancestor's change: the change reaches it all the same
        found.forEach((root, steps) -> steps.stream().filter(step -> step.operation() instanceof AlterColumn)
                .map(step -> (AlterColumn) step.operation())
                .forEach(rootAlter -> pairs.forEach((table, pair) -> {
                    String column = rootAlter.from().name();
                    if (!root.equals(root(table, column))) {
                        return;
                    }
                    if (rootAlter.typeChanged()) {
                        carried.computeIfAbsent(table, name -> new ArrayList<>()).add(column);
                    }
                    boolean ownStep = alterOf(found.get(table), column) != null;
                    Column model = pair[0].column(column).orElse(null);
                    if (!ownStep && model != null && !agrees(rootAlter.to(), model)) {
                        adjusted.get(table).add(warning(table, column, root, Integer.MAX_VALUE,
                                "whose change this upgrade carries to it, which its model does not say"));
                    }
                })));
        return adjusted;
    }

    /**
     * An inheriting table's drop of a column it inherits: none when the column comes from its parent alone and the
     * parent's drop takes it (PostgreSQL drops it from every table that only inherits it); after the parent's drop
     * when the table declares the column itself as well (the parent's drop leaves it, as the table's own); a warning
     * when the parent keeps the column ("cannot drop inherited column").
     */
    private Optional<Step> dropOfInherited(Map<String, List<Step>> found, String table, String column,
                                                     Step step) {
        String parent = parentWith(table, column);
        boolean parentDrops = found.getOrDefault(parent, List.of()).stream()
                .anyMatch(other -> other.operation() instanceof DropColumn drop && drop.column().name().equals(column));
        if (!parentDrops) {
            return Optional.of(warning(table, column, root(table, column), step.tableRank(),
                    "which its model drops while " + parent + " keeps it"));
        }
        if (inheritedOnly.getOrDefault(table, Set.of()).contains(column)) {
            return Optional.empty();
        }
        // after every ancestor's drop: drops run by table rank, so an inheriting table ranks below its ancestors
        return Optional.of(new Step(step.operation(), step.phase(), Integer.MAX_VALUE / 2 + depth(table),
                step.descriptions()));
    }

    /** The first parent of {@code table} that has {@code column}. */
    private String parentWith(String table, String column) {
        return parents.getOrDefault(table, List.of()).stream()
                .filter(parent -> database.table(parent).flatMap(reflected -> reflected.column(column)).isPresent())
                .findFirst().orElse(null);
    }

    /** How many tables up the longest line of inheritance above {@code table} is. */
    private int depth(String table) {
        return parents.getOrDefault(table, List.of()).stream().mapToInt(parent -> 1 + depth(parent)).max().orElse(0);
    }

    /** The table highest up the inheritance that {@code table} has {@code column} from, or null when none. */
    String root(String table, String column) {
        String root = null;
        String current = table;
        boolean climbed = true;
        while (climbed) {
            climbed = false;
            for (String parent : parents.getOrDefault(current, List.of())) {
                if (database.table(parent).flatMap(reflected -> reflected.column(column)).isPresent()) {
                    root = parent;
                    current = parent;
                    climbed = true;
                    break;
                }
            }
        }
        return root;
    }

    private static AlterColumn alterOf(List<Step> steps, String column) {
        if (steps == null) {
            return null;
        }
        return steps.stream().filter(step -> step.operation() instanceof AlterColumn alter
                        && alter.from().name().equals(column))
                .map(step -> (AlterColumn) step.operation()).findFirst().orElse(null);
    }

    private static boolean agrees(Column ancestor, Column inheriting) {
        return ancestor.type().equals(inheriting.type()) && ancestor.nullable() == inheriting.nullable()
                && Objects.equals(ancestor.serverDefault(), inheriting.serverDefault());
    }

    private static Step warning(String table, String column, String root, int rank, String why) {
        String text = "column " + table + "." + column + " is inherited from " + root + ", " + why + ": PostgreSQL"
                + " changes an inherited column only through " + root + " (and carries the change to every inheriting"
                + " table); no ALTER generated for " + table + ": make the models agree";
        return new Step(new ExecuteSql(table, "-- WARNING: " + text, ""), Phase.ALTER_COLUMN, rank,
                List.of("Detected " + text));
    }
}
