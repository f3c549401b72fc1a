package dev.migrate.reflect;

import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H2 2.x: six {@code INFORMATION_SCHEMA} queries for the whole schema, whatever its size: tables and views (with the
 * views' definitions and the tables' comments), columns, indexes ({@code INDEXES} with {@code INDEX_COLUMNS}, without
 * those H2 generates for its constraints), primary keys, unique constraints and checks ({@code TABLE_CONSTRAINTS} with
 * {@code KEY_COLUMN_USAGE} and {@code CHECK_CONSTRAINTS}), foreign keys ({@code REFERENTIAL_CONSTRAINTS} with both
 * sides' {@code KEY_COLUMN_USAGE}) and triggers; an {@code ENUM} column's values come with its row
 * ({@code ENUM_VALUES}). H2 folds unquoted names to upper case: a name all in upper case is
 * read back in lower case, as the model writes it.
 */
final class H2SchemaReader implements SchemaReader {

    private static final String RELATIONS = """
            SELECT t.TABLE_SCHEMA, t.TABLE_NAME, t.TABLE_TYPE, v.VIEW_DEFINITION, t.REMARKS
            FROM INFORMATION_SCHEMA.TABLES t
            LEFT JOIN INFORMATION_SCHEMA.VIEWS v ON v.TABLE_SCHEMA = t.TABLE_SCHEMA AND v.TABLE_NAME = t.TABLE_NAME
            WHERE t.TABLE_SCHEMA = COALESCE(CAST(? AS VARCHAR), CURRENT_SCHEMA)
            ORDER BY t.TABLE_NAME""";

    private static final String COLUMNS = """
            SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.CHARACTER_MAXIMUM_LENGTH, c.DECLARED_NUMERIC_PRECISION,
                   c.DECLARED_NUMERIC_SCALE, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.IS_IDENTITY, c.REMARKS,
                   (SELECT LISTAGG('''' || REPLACE(e.VALUE_NAME, '''', '''''') || '''', ',')
                           WITHIN GROUP (ORDER BY e.VALUE_ORDINAL)
                    FROM INFORMATION_SCHEMA.ENUM_VALUES e
                    WHERE e.OBJECT_SCHEMA = c.TABLE_SCHEMA AND e.OBJECT_NAME = c.TABLE_NAME AND e.OBJECT_TYPE = 'TABLE'
                          AND e.ENUM_IDENTIFIER = c.DTD_IDENTIFIER)
            FROM INFORMATION_SCHEMA.COLUMNS c
            WHERE c.TABLE_SCHEMA = ?
            ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION""";;

    private static final String INDEXES = """
            SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME
            FROM INFORMATION_SCHEMA.INDEXES i
            JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.TABLE_NAME = i.TABLE_NAME
                 AND c.INDEX_NAME = i.INDEX_NAME
            WHERE i.TABLE_SCHEMA = ? AND i.IS_GENERATED = FALSE
            ORDER BY i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION""";

    private static final String CONSTRAINTS = """
            SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME, c.CHECK_CLAUSE
            FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
            LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
                 AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
            LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS c ON c.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
                 AND c.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
            WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'CHECK')
            ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION""";

    private static final String FOREIGN_KEYS = """
            SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, u.TABLE_SCHEMA, u.TABLE_NAME, u.COLUMN_NAME,
                   r.DELETE_RULE, r.UPDATE_RULE
            FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r
            JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA
                 AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME
            JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE u ON u.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA
                 AND u.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME AND u.ORDINAL_POSITION = k.POSITION_IN_UNIQUE_CONSTRAINT
            WHERE r.CONSTRAINT_SCHEMA = ?
            ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION""";

    private static final String TRIGGERS = """
            SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORIENTATION, JAVA_CLASS
            FROM INFORMATION_SCHEMA.TRIGGERS
            WHERE TRIGGER_SCHEMA = ?
            ORDER BY EVENT_OBJECT_TABLE, TRIGGER_NAME""";

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]|\"\")+)\"");

    @Override
    public int queriesPerRead() {
        return 6;
    }

    @Override
    public Schema read(Connection connection, ReflectOptions reflectOptions) throws SQLException {
        String schema = reflectOptions.schema();
        List<String> tableNames = new ArrayList<>();
        List<Schema.View> views = new ArrayList<>();
        Map<String, String> comments = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(RELATIONS)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    schema = rows.getString(1);
                    String name = folded(rows.getString(2));
                    String type = rows.getString(3);
                    if (type.equals("VIEW")) {
                        views.add(new Schema.View(name, "CREATE VIEW " + quote(name) + " AS "
                                + unqualified(rows.getString(4), schema)));
                    } else if (type.equals("BASE TABLE") && reflectOptions.includes(name)) {
                        tableNames.add(name);
                        comments.put(name, rows.getString(5));
                    }
                }
            }
        }
        if (tableNames.isEmpty()) {
            return new Schema(List.of(), List.of(), views);
        }
        Map<String, TableParts> parts = new TreeMap<>();
        tableNames.forEach(name -> parts.put(name, new TableParts()));
        readColumns(connection, schema, parts);
        readIndexes(connection, schema, parts);
        readConstraints(connection, schema, parts);
        readForeignKeys(connection, schema, parts);
        List<Schema.Trigger> triggers = readTriggers(connection, schema, parts);
        List<Table> tables = new ArrayList<>();
        parts.forEach((name, p) -> tables.add(p.build(name, null).withComment(comments.get(name))));
        return new Schema(tables, triggers, views);
    }

    private static void readColumns(Connection connection, String schema, Map<String, TableParts> parts)
            throws SQLException {
        try (PreparedStatement statement = TableParts.prepare(connection, COLUMNS, schema);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                TableParts table = parts.get(folded(rows.getString(1)));
                if (table == null) {
                    continue; // a view's column, or an excluded table's
                }
                String name = folded(rows.getString(2));
                ColumnType type = SqlTypes.fromH2(rows.getString(3), rows.getObject(4, Long.class),
                        rows.getObject(5, Integer.class), rows.getObject(6, Integer.class), rows.getString(11));
                boolean identity = rows.getString(9).equals("YES");
                String serverDefault = identity ? null
                        : SqlExpressions.canonicalDefault(unquoted(rows.getString(8)), type);
                table.columns.put(name, new Column(name, type, rows.getString(7).equals("YES"), serverDefault, identity,
                        null, rows.getString(10)));
            }
        }
    }

    private static void readIndexes(Connection connection, String schema, Map<String, TableParts> parts)
            throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (PreparedStatement statement = TableParts.prepare(connection, INDEXES, schema);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String table = folded(rows.getString(1));
                if (parts.containsKey(table)) {
                    String key = table + "\0" + folded(rows.getString(2));
                    columns.computeIfAbsent(key, k -> new ArrayList<>()).add(folded(rows.getString(4)));
                    unique.put(key, rows.getString(3).startsWith("UNIQUE"));
                }
            }
        }
        columns.forEach((key, indexColumns) -> parts.get(table(key)).indexes.add(
                new Index(name(key), indexColumns, unique.get(key))));
    }

    /** Primary keys, unique constraints and checks: one row per key column, one per check. */
    private static void readConstraints(Connection connection, String schema, Map<String, TableParts> parts)
            throws SQLException {
        Map<String, List<String>> keyColumns = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        try (PreparedStatement statement = TableParts.prepare(connection, CONSTRAINTS, schema);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String table = folded(rows.getString(1));
                TableParts p = parts.get(table);
                if (p == null) {
                    continue;
                }
                String name = folded(rows.getString(2));
                if (rows.getString(3).equals("CHECK")) {
                    p.checks.add(new CheckConstraint(name, SqlExpressions.canonical(unquoted(rows.getString(5)))));
                } else {
                    String key = table + "\0" + name;
                    keyColumns.computeIfAbsent(key, k -> new ArrayList<>()).add(folded(rows.getString(4)));
                    kinds.put(key, rows.getString(3));
                }
            }
        }
        keyColumns.forEach((key, columns) -> {
            TableParts p = parts.get(table(key));
            if (kinds.get(key).equals("PRIMARY KEY")) {
                p.primaryKey = new PrimaryKey(name(key), columns);
            } else {
                p.uniques.add(new UniqueConstraint(name(key), columns));
            }
        });
    }

    private static void readForeignKeys(Connection connection, String schema, Map<String, TableParts> parts)
            throws SQLException {
        try (PreparedStatement statement = TableParts.prepare(connection, FOREIGN_KEYS, schema);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                TableParts table = parts.get(folded(rows.getString(1)));
                if (table != null) {
                    String referred = rows.getString(4).equals(schema) ? folded(rows.getString(5))
                            : folded(rows.getString(4)) + "." + folded(rows.getString(5));
                    table.addForeignKeyColumn(folded(rows.getString(2)), folded(rows.getString(3)), referred,
                            folded(rows.getString(6)), action(rows.getString(7)), action(rows.getString(8)));
                }
            }
        }
    }

    /** H2's triggers are Java classes: the statement that creates one names its class. */
    private static List<Schema.Trigger> readTriggers(Connection connection, String schema, Map<String, TableParts> parts)
            throws SQLException {
        List<Schema.Trigger> triggers = new ArrayList<>();
        try (PreparedStatement statement = TableParts.prepare(connection, TRIGGERS, schema);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String table = folded(rows.getString(2));
                if (parts.containsKey(table)) {
                    String name = folded(rows.getString(1));
                    triggers.add(new Schema.Trigger(name, table, "CREATE TRIGGER " + quote(name) + " "
                            + rows.getString(3) + " " + rows.getString(4) + " ON " + quote(table) + " FOR EACH "
                            + rows.getString(5) + " CALL " + quote(rows.getString(6))));
                }
            }
        }
        return triggers;
    }

    private static String table(String key) {
        return key.substring(0, key.indexOf('\0'));
    }

    private static String name(String key) {
        return key.substring(key.indexOf('\0') + 1);
    }

    /** A name H2 folded to upper case (written unquoted), as the model writes it: in lower case. */
    static String folded(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return name.equals(name.toUpperCase(Locale.ROOT)) && PLAIN.matcher(lower).matches() ? lower : name;
    }

    /** {@code "N" >= 0} as {@code n >= 0}: H2 quotes every name in the expressions it reports. */
    private static String unquoted(String expression) {
        if (expression == null) {
            return null;
        }
        Matcher names = QUOTED.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (names.find()) {
            String name = names.group(1).replace("\"\"", "\"");
            String folded = folded(name);
            names.appendReplacement(out, Matcher.quoteReplacement(folded.equals(name) ? names.group() : folded));
        }
        names.appendTail(out);
        return out.toString();
    }

    /** A view's definition names its tables with the schema ({@code "PUBLIC"."A"}): without it. */
    private static String unqualified(String definition, String schema) {
        return definition == null ? "" : definition.replace(quote(schema) + ".", "");
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static ReferentialAction action(String rule) {
        return switch (rule == null ? "" : rule) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            case "RESTRICT" -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }
}
