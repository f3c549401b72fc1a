package dev.migrate.test;

import dev.migrate.schema.Column;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What differs between the schema a check expected and the one it found, in words a reader can act on
 * ({@code table orders is extra}, {@code column users.email is missing}); empty when they are equal.
 */
record SchemaDifference(List<String> differences) {

    SchemaDifference {
        differences = List.copyOf(differences);
    }

    boolean isEmpty() {
        return differences.isEmpty();
    }

    @Override
    public String toString() {
        return String.join("; ", differences);
    }

    static SchemaDifference between(Schema expected, Schema actual) {
        List<String> found = new ArrayList<>();
        Map<String, Table> before = byName(expected.tables(), Table::name);
        Map<String, Table> after = byName(actual.tables(), Table::name);
        before.keySet().stream().filter(name -> !after.containsKey(name))
                .forEach(name -> found.add("table " + name + " is missing"));
        after.keySet().stream().filter(name -> !before.containsKey(name))
                .forEach(name -> found.add("table " + name + " is extra"));
        before.forEach((name, table) -> {
            Table other = after.get(name);
            if (other != null && !table.equals(other)) {
                found.addAll(tableDifferences(table, other));
            }
        });
        compare(found, "views", expected.views(), actual.views());
        compare(found, "triggers", expected.triggers(), actual.triggers());
        compare(found, "sequences", expected.sequences(), actual.sequences());
        return new SchemaDifference(found);
    }

    private static List<String> tableDifferences(Table expected, Table actual) {
        List<String> found = new ArrayList<>();
        String name = expected.name();
        Map<String, Column> before = byName(expected.columns(), Column::name);
        Map<String, Column> after = byName(actual.columns(), Column::name);
        before.keySet().stream().filter(column -> !after.containsKey(column))
                .forEach(column -> found.add("column " + name + "." + column + " is missing"));
        after.keySet().stream().filter(column -> !before.containsKey(column))
                .forEach(column -> found.add("column " + name + "." + column + " is extra"));
        before.forEach((column, definition) -> {
            Column other = after.get(column);
            if (other != null && !definition.equals(other)) {
                found.add("column " + name + "." + column + " was " + definition + ", is " + other);
            }
        });
        compare(found, "primary key of " + name, expected.primaryKey(), actual.primaryKey());
        compare(found, "foreign keys of " + name, expected.foreignKeys(), actual.foreignKeys());
        compare(found, "unique constraints of " + name, expected.uniqueConstraints(), actual.uniqueConstraints());
        compare(found, "indexes of " + name, expected.indexes(), actual.indexes());
        compare(found, "check constraints of " + name, expected.checks(), actual.checks());
        if (found.isEmpty()) {
            // the parts above cover what reflection reads; anything else still deserves a line
            found.add("table " + name + " was " + expected + ", is " + actual);
        }
        return found;
    }

    private static void compare(List<String> found, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            found.add(what + " were " + expected + ", are " + actual);
        }
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a, TreeMap::new));
    }
}
