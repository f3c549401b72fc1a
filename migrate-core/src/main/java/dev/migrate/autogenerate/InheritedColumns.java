package dev.migrate.autogenerate;

import dev.migrate.autogenerate.Step.Phase;
import dev.migrate.op.AlterColumn;
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

    InheritedColumns(Schema database) {
        this.database = database;
        for (Schema.NotKept relation : database.notKept()) {
            if (relation.parent() != null) {
                parents.computeIfAbsent(relation.table(), child -> new ArrayList<>()).add(relation.parent());
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
