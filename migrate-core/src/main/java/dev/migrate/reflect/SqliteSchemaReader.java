package dev.migrate.reflect;

import dev.migrate.reflect.SqliteTableSql.ConstraintKind;
import dev.migrate.reflect.SqliteTableSql.NamedConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.schema.TableKind;
import dev.migrate.schema.UniqueConstraint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SQLite: one query over {@code sqlite_master}, then one query each joining the table-valued pragma
 * functions over all included tables (passed as one JSON array): columns, foreign keys, indexes with
 * their columns. CHECK constraints and constraint names come from each table's CREATE statement.
 */
final class SqliteSchemaReader implements SchemaReader {

    /** The shadow tables each virtual table module creates, by suffix after {@code <name>_}. */
    private static final Map<String, List<String>> SHADOW_SUFFIXES = Map.of(
            "fts3", List.of("content", "segments", "segdir", "docsize", "stat"),
            "fts4", List.of("content", "segments", "segdir", "docsize", "stat"),
            "fts5", List.of("data", "idx", "content", "docsize", "config"),
            "rtree", List.of("node", "parent", "rowid"),
            "rtree_i32", List.of("node", "parent", "rowid"),
            "geopoly", List.of("node", "parent", "rowid"));

    @Override
    public int queriesPerRead() {
        return 4;
    }

    @Override
    public Schema read(Connection connection, ReflectOptions options) throws SQLException {
        String schema = options.schema() == null ? "main" : options.schema();
        String master = quote(schema) + ".sqlite_master";

        Map<String, String> plainTables = new TreeMap<>();
        Map<String, String> virtualTables = new TreeMap<>();
        Map<String, String> indexSql = new LinkedHashMap<>();
        List<Schema.Trigger> triggers = new ArrayList<>();
        List<Schema.View> views = new ArrayList<>();
        Set<String> shadowTables = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT type, name, tbl_name, sql FROM " + master + " ORDER BY type, name");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String type = rows.getString(1);
                String name = rows.getString(2);
                String sql = rows.getString(4);
                switch (type) {
                    case "table" -> {
                        if (name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                            continue;
                        }
                        String module = virtualModule(sql);
                        if (module == null) {
                            plainTables.put(name, sql);
                        } else {
                            virtualTables.put(name, sql);
                            for (String suffix : SHADOW_SUFFIXES.getOrDefault(module, List.of())) {
                                shadowTables.add(name + "_" + suffix);
                            }
                        }
                    }
                    case "index" -> indexSql.put(name, sql);
                    case "trigger" -> triggers.add(new Schema.Trigger(name, rows.getString(3), sql));
                    case "view" -> views.add(new Schema.View(name, sql));
                    default -> { }
                }
            }
        }
        plainTables.keySet().removeAll(shadowTables);
        plainTables.keySet().removeIf(name -> !options.includes(name));
        virtualTables.keySet().removeIf(name -> !options.includes(name));
        Set<String> tableNames = new HashSet<>(plainTables.keySet());
        tableNames.addAll(virtualTables.keySet());
        Set<String> viewNames = new HashSet<>();
        views.forEach(view -> viewNames.add(view.name()));
        triggers.removeIf(trigger -> !tableNames.contains(trigger.table()) && !viewNames.contains(trigger.table()));

        List<Table> tables = new ArrayList<>();
        for (Map.Entry<String, String> virtual : virtualTables.entrySet()) {
            tables.add(Table.builder(virtual.getKey()).virtual(virtual.getValue()).build());
        }
        if (!plainTables.isEmpty()) {
            tables.addAll(readTables(connection, schema, plainTables, indexSql));
        }
        return new Schema(tables, triggers, views);
    }

    private List<Table> readTables(Connection connection, String schema, Map<String, String> tableSql,
                                   Map<String, String> indexSql) throws SQLException {
        String names = jsonArray(tableSql.keySet());
        Map<String, TableParts> parts = new TreeMap<>();
        tableSql.forEach((name, sql) -> parts.put(name, new TableParts(SqliteTableSql.parse(sql))));

        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT j.value, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk "
                        + "FROM json_each(?) j JOIN pragma_table_info(j.value, ?) p ORDER BY j.key, p.cid")) {
            statement.setString(1, names);
            statement.setString(2, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TableParts table = parts.get(rows.getString(1));
                    String declared = rows.getString(3);
                    ColumnType type = SqlTypes.parseDeclared(declared).spelled(declared);
                    table.columns.add(new RawColumn(rows.getString(2), declared, type, rows.getInt(4) != 0,
                            SqlExpressions.canonicalDefault(rows.getString(5), type), rows.getInt(6)));
                }
            }
        }

        Map<String, Map<Integer, RawForeignKey>> foreignKeys = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT j.value, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
                        + "FROM json_each(?) j JOIN pragma_foreign_key_list(j.value, ?) f ORDER BY j.key, f.id, f.seq")) {
            statement.setString(1, names);
            statement.setString(2, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    RawForeignKey key = foreignKeys.computeIfAbsent(rows.getString(1), t -> new LinkedHashMap<>())
                            .computeIfAbsent(rows.getInt(2), id -> new RawForeignKey());
                    key.referredTable = rows.getString(3);
                    key.columns.add(rows.getString(4));
                    key.referredColumns.add(rows.getString(5));
                    key.onUpdate = action(rows.getString(6));
                    key.onDelete = action(rows.getString(7));
                }
            }
        }

        Map<String, Map<String, RawIndex>> indexes = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT j.value, il.name, il.\"unique\", il.origin, ii.cid, ii.name "
                        + "FROM json_each(?) j JOIN pragma_index_list(j.value, ?) il "
                        + "JOIN pragma_index_info(il.name, ?) ii ORDER BY j.key, il.name, ii.seqno")) {
            statement.setString(1, names);
            statement.setString(2, schema);
            statement.setString(3, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    RawIndex index = indexes.computeIfAbsent(rows.getString(1), t -> new LinkedHashMap<>())
                            .computeIfAbsent(rows.getString(2), n -> new RawIndex());
                    index.unique = rows.getInt(3) != 0;
                    index.origin = rows.getString(4);
                    index.columns.add(rows.getInt(5) < 0 ? null : rows.getString(6));
                }
            }
        }

        List<Table> tables = new ArrayList<>();
        for (Map.Entry<String, TableParts> entry : parts.entrySet()) {
            tables.add(assemble(entry.getKey(), tableSql.get(entry.getKey()), entry.getValue(),
                    foreignKeys.getOrDefault(entry.getKey(), Map.of()), indexes.getOrDefault(entry.getKey(), Map.of()),
                    indexSql, parts));
        }
        return tables;
    }

    private static Table assemble(String name, String sql, TableParts parts, Map<Integer, RawForeignKey> foreignKeys,
                                  Map<String, RawIndex> indexes, Map<String, String> indexSql,
                                  Map<String, TableParts> allTables) {
        SqliteTableSql parsed = parts.parsed;
        List<RawColumn> pkColumns = parts.columns.stream().filter(c -> c.pk > 0)
                .sorted((a, b) -> Integer.compare(a.pk, b.pk)).toList();
        List<String> pkNames = pkColumns.stream().map(RawColumn::name).toList();
        String rowidAlias = pkColumns.size() == 1 && !parsed.withoutRowid()
                && pkColumns.get(0).declared != null && pkColumns.get(0).declared.trim().equalsIgnoreCase("INTEGER")
                ? pkColumns.get(0).name : null;

        var builder = Table.builder(name);
        for (RawColumn raw : parts.columns) {
            boolean alias = raw.name.equals(rowidAlias);
            builder.column(new Column(raw.name, raw.type, !raw.notNull && !alias, raw.serverDefault, alias));
        }
        if (!pkNames.isEmpty()) {
            builder.primaryKey(constraintName(parsed, ConstraintKind.PRIMARY_KEY, pkNames), pkNames.toArray(String[]::new));
        }
        List<ForeignKey> keys = new ArrayList<>();
        for (RawForeignKey key : foreignKeys.values()) {
            List<String> referred = key.referredColumns;
            if (referred.stream().anyMatch(c -> c == null || c.isEmpty())) {
                // REFERENCES parent without columns: the parent's primary key, when the parent is read too
                TableParts parent = allTables.get(key.referredTable);
                referred = parent == null ? referred : parent.columns.stream().filter(c -> c.pk > 0)
                        .sorted((a, b) -> Integer.compare(a.pk, b.pk)).map(RawColumn::name).toList();
            }
            keys.add(new ForeignKey(constraintName(parsed, ConstraintKind.FOREIGN_KEY, key.columns), key.columns,
                    key.referredTable, referred.stream().map(c -> c == null ? "" : c).toList(), key.onDelete, key.onUpdate));
        }
        sortByName(keys, ForeignKey::name, k -> k.columns().toString());
        keys.forEach(builder::foreignKey);

        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> plainIndexes = new ArrayList<>();
        for (Map.Entry<String, RawIndex> entry : indexes.entrySet()) {
            RawIndex index = entry.getValue();
            if ("pk".equals(index.origin)) {
                continue;
            }
            if ("u".equals(index.origin)) {
                uniques.add(new UniqueConstraint(constraintName(parsed, ConstraintKind.UNIQUE, index.columns), index.columns));
                continue;
            }
            List<String> columns = index.columns;
            if (columns.contains(null)) {
                List<String> expressions = SqliteTableSql.indexExpressions(indexSql.get(entry.getKey()));
                List<String> merged = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    merged.add(columns.get(i) != null ? columns.get(i)
                            : i < expressions.size() ? expressions.get(i) : "?");
                }
                columns = merged;
            }
            String statement = indexSql.get(entry.getKey());
            plainIndexes.add(new Index(entry.getKey(), columns, index.unique, statement, null,
                    SqliteTableSql.indexPredicate(statement), List.of()));
        }
        sortByName(uniques, UniqueConstraint::name, u -> u.columns().toString());
        uniques.forEach(builder::unique);
        plainIndexes.forEach(builder::index);
        parsed.checks().forEach(builder::check);
        Table table = builder.build();
        return new Table(table.name(), TableKind.TABLE, table.columns(), table.primaryKey(), table.foreignKeys(),
                table.uniqueConstraints(), table.indexes(), table.checks(), true, sql);
    }

    private static <T> void sortByName(List<T> items, java.util.function.Function<T, String> name,
                                       java.util.function.Function<T, String> tieBreak) {
        items.sort(java.util.Comparator.comparing(name, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(tieBreak));
    }

    private static String constraintName(SqliteTableSql parsed, ConstraintKind kind, List<String> columns) {
        return parsed.namedConstraints().stream().filter(c -> c.matches(kind, columns))
                .map(NamedConstraint::name).findFirst().orElse(null);
    }

    /** The module of a CREATE VIRTUAL TABLE statement (lower case), or null for any other statement. */
    static String virtualModule(String sql) {
        if (sql == null) {
            return null;
        }
        List<SqlTokens.Token> tokens = SqlTokens.tokenize(sql);
        if (tokens.size() < 3 || !tokens.get(0).isWord("CREATE") || !tokens.get(1).isWord("VIRTUAL")) {
            return null;
        }
        for (int i = 2; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("USING")) {
                return tokens.get(i + 1).name().toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static ReferentialAction action(String text) {
        if (text == null) {
            return ReferentialAction.NO_ACTION;
        }
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            case "RESTRICT" -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String jsonArray(Iterable<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (String value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"');
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            json.append(String.format("\\u%04x", (int) c));
                        } else {
                            json.append(c);
                        }
                    }
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }

    private record RawColumn(String name, String declared, ColumnType type, boolean notNull, String serverDefault, int pk) {
    }

    private static final class TableParts {
        final SqliteTableSql parsed;
        final List<RawColumn> columns = new ArrayList<>();

        TableParts(SqliteTableSql parsed) {
            this.parsed = parsed;
        }
    }

    private static final class RawForeignKey {
        String referredTable;
        final List<String> columns = new ArrayList<>();
        final List<String> referredColumns = new ArrayList<>();
        ReferentialAction onDelete;
        ReferentialAction onUpdate;
    }

    private static final class RawIndex {
        boolean unique;
        String origin;
        final List<String> columns = new ArrayList<>();
    }
}
