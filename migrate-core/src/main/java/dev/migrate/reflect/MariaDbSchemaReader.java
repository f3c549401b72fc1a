package dev.migrate.reflect;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Dialects;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;
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
import java.util.regex.Pattern;

/**
 * MariaDB and MySQL: six {@code information_schema} queries for the whole schema, whatever its size: tables and views
 * (with the views' definitions), columns, indexes ({@code STATISTICS}: primary key, unique keys, other indexes),
 * foreign keys ({@code KEY_COLUMN_USAGE} with {@code REFERENTIAL_CONSTRAINTS}), checks ({@code CHECK_CONSTRAINTS}
 * with {@code TABLE_CONSTRAINTS}) and triggers. The detail queries read the whole schema; rows of tables the
 * options exclude are skipped.
 *
 * <p>The queries run on both servers. Where their catalogs differ the reader follows each: MariaDB 10.2.7+ quotes
 * literal defaults in {@code COLUMN_DEFAULT} while MySQL (and older MariaDB) gives them bare and flags expression
 * defaults in {@code EXTRA} ({@code DEFAULT_GENERATED}, writing strings inside them as {@code _utf8mb4\'x\'})
 * ({@link #serverDefault}); MySQL's {@code CHECK_CONSTRAINTS} has no {@code TABLE_NAME} (check names are unique per
 * schema there, per table on MariaDB), so the table comes from {@code TABLE_CONSTRAINTS}, and on MariaDB the rows
 * are matched by table too.
 */
final class MariaDbSchemaReader implements SchemaReader {

    private static final String RELATIONS = """
            SELECT t.table_schema, t.table_name, t.table_type, v.view_definition, t.engine, cs.character_set_name,
                   t.table_collation
            FROM information_schema.tables t
            LEFT JOIN information_schema.views v ON v.table_schema = t.table_schema AND v.table_name = t.table_name
            LEFT JOIN information_schema.collation_character_set_applicability cs
                 ON cs.collation_name = t.table_collation
            WHERE t.table_schema = COALESCE(?, DATABASE())
            ORDER BY t.table_name""";

    private static final String COLUMNS = """
            SELECT table_name, column_name, data_type, column_type, is_nullable, column_default, extra,
                   character_maximum_length, numeric_precision, numeric_scale, datetime_precision, @@SESSION.sql_mode
            FROM information_schema.columns
            WHERE table_schema = ?
            ORDER BY table_name, ordinal_position""";

    private static final String INDEXES = """
            SELECT table_name, index_name, non_unique, column_name, sub_part
            FROM information_schema.statistics
            WHERE table_schema = ?
            ORDER BY table_name, index_name, seq_in_index""";

    private static final String FOREIGN_KEYS = """
            SELECT k.table_name, k.constraint_name, k.column_name, k.referenced_table_schema, k.referenced_table_name,
                   k.referenced_column_name, r.delete_rule, r.update_rule
            FROM information_schema.key_column_usage k
            JOIN information_schema.referential_constraints r ON r.constraint_schema = k.constraint_schema
                 AND r.constraint_name = k.constraint_name AND r.table_name = k.table_name
            WHERE k.table_schema = ? AND k.referenced_table_name IS NOT NULL
            ORDER BY k.table_name, k.constraint_name, k.ordinal_position""";

    /** {@code cc.*}: MariaDB's rows name their table ({@code TABLE_NAME}), MySQL's do not; the same query runs on both. */
    private static final String CHECKS = """
            SELECT tc.table_name AS owner_table, cc.*
            FROM information_schema.check_constraints cc
            JOIN information_schema.table_constraints tc ON tc.constraint_schema = cc.constraint_schema
                 AND tc.constraint_name = cc.constraint_name AND tc.constraint_type = 'CHECK'
            WHERE cc.constraint_schema = ?
            ORDER BY tc.table_name, cc.constraint_name""";

    private static final String TRIGGERS = """
            SELECT trigger_name, event_object_table, action_timing, event_manipulation, action_statement
            FROM information_schema.triggers
            WHERE trigger_schema = ?
            ORDER BY event_object_table, action_order, trigger_name""";

    private static final Pattern NOW = Pattern.compile("(?i)\\bcurrent_timestamp\\(\\)");
    private static final Pattern NOW_FRACTION = Pattern.compile("(?i)current_timestamp\\((\\d+)\\)");
    private static final Pattern BACKQUOTED = Pattern.compile("`([A-Za-z_][A-Za-z0-9_]*)`");
    /** MySQL's string literal inside an expression default or check: {@code _utf8mb4\'x\'}. */
    private static final Pattern MYSQL_ESCAPED_STRING = Pattern.compile("(?:_[a-z0-9]+)?\\\\'((?:[^\\\\]|\\\\[^'])*)\\\\'");
    /** A whole default that is one string literal, as MariaDB writes it (backslash escapes) and as MySQL's is quoted. */
    private static final Pattern ESCAPED_LITERAL = Pattern.compile("'((?:[^'\\\\]|''|\\\\.)*)'", Pattern.DOTALL);
    private static final Pattern STANDARD_LITERAL = Pattern.compile("'((?:[^']|'')*)'", Pattern.DOTALL);
    /** Writes string literals as a session in a given sql_mode reads them. */
    private static final Dialect LITERALS = Dialects.named("mariadb");
    private static final Pattern MYSQL_INTRODUCER = Pattern.compile("\\b_(?:utf8mb[34]|utf8|latin1|ascii|binary)(?=')");
    private static final Pattern MARIADB_VERSION = Pattern.compile("(?:^|-)(\\d+)\\.(\\d+)\\.(\\d+)-MariaDB");
    /** Types whose bare default MySQL writes as the number it is; any other bare default is a string. */
    private static final java.util.Set<String> NUMERIC_TYPES = java.util.Set.of("tinyint", "smallint", "mediumint", "int",
            "integer", "bigint", "decimal", "numeric", "float", "double", "real", "bit", "year");

    /** How the server writes {@code COLUMN_DEFAULT}. */
    enum DefaultStyle {
        /** MariaDB 10.2.7 and later: literals quoted ({@code 'x'}), expressions as written, {@code NULL} for DEFAULT NULL. */
        QUOTED,
        /** MySQL, and MariaDB before 10.2.7: literals bare ({@code x}), expressions flagged in EXTRA (MySQL 8.0.13+). */
        BARE;

        /** From the server version the driver reports ({@code 10.11.6-MariaDB-0+deb12u1}, {@code 8.0.36}). */
        static DefaultStyle of(String serverVersion) {
            var mariadb = MARIADB_VERSION.matcher(String.valueOf(serverVersion));
            if (!mariadb.find()) {
                return BARE;
            }
            int[] version = {Integer.parseInt(mariadb.group(1)), Integer.parseInt(mariadb.group(2)),
                    Integer.parseInt(mariadb.group(3))};
            boolean quoted = version[0] > 10 || version[0] == 10 && (version[1] > 2 || version[1] == 2 && version[2] >= 7);
            return quoted ? QUOTED : BARE;
        }
    }

    @Override
    public int queriesPerRead() {
        return 6;
    }

    @Override
    public Schema read(Connection connection, ReflectOptions reflectOptions) throws SQLException {
        String schema = reflectOptions.schema();
        List<String> tableNames = new ArrayList<>();
        List<Schema.View> views = new ArrayList<>();
        Map<String, String> options = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(RELATIONS)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    schema = rows.getString(1);
                    String name = rows.getString(2);
                    String type = rows.getString(3);
                    if (type.equals("VIEW")) {
                        views.add(new Schema.View(name, "CREATE VIEW " + quote(name) + " AS "
                                + unqualified(rows.getString(4), schema)));
                    } else if ((type.equals("BASE TABLE") || type.equals("SYSTEM VERSIONED")) && reflectOptions.includes(name)) {
                        tableNames.add(name);
                        options.put(name, rows.getString(5) == null ? null : "ENGINE=" + rows.getString(5)
                                + " DEFAULT CHARSET=" + rows.getString(6) + " COLLATE=" + rows.getString(7));
                    }
                }
            }
        }
        if (tableNames.isEmpty()) {
            return new Schema(List.of(), List.of(), views);
        }
        Map<String, TableParts> parts = new TreeMap<>();
        tableNames.forEach(name -> parts.put(name, new TableParts()));
        DefaultStyle style = DefaultStyle.of(connection.getMetaData().getDatabaseProductVersion());
        readColumns(connection, schema, parts, style);
        readIndexes(connection, schema, parts);
        readForeignKeys(connection, schema, parts);
        readChecks(connection, schema, parts, style);
        List<Schema.Trigger> triggers = readTriggers(connection, schema, parts);
        List<Table> tables = new ArrayList<>();
        parts.forEach((name, p) -> tables.add(p.build(name, options.get(name))));
        return new Schema(tables, triggers, views);
    }

    private static void readColumns(Connection connection, String schema, Map<String, TableParts> parts,
                                    DefaultStyle style) throws SQLException {
        try (PreparedStatement statement = TableParts.prepare(connection, COLUMNS, schema);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                TableParts table = parts.get(rows.getString(1));
                if (table == null) {
                    continue; // a view's column, or an excluded table's
                }
                ColumnType type = SqlTypes.fromMariaDb(rows.getString(3), rows.getString(4), (Long) rows.getObject(8,
                        Long.class), rows.getInt(9), rows.getInt(10), rows.getInt(11));
                String extra = rows.getString(7) == null ? "" : rows.getString(7).toLowerCase(Locale.ROOT);
                boolean autoincrement = extra.contains("auto_increment");
                String serverDefault = autoincrement ? null : inSessionMode(
                        serverDefault(rows.getString(6), rows.getString(7), rows.getString(3), type, style), style,
                        rows.getString(12));
                table.columns.put(rows.getString(2), new Column(rows.getString(2), type,
                        rows.getString(5).equals("YES"), serverDefault, autoincrement));
            }
        }
    }

    /**
     * A column's default in canonical form, from {@code COLUMN_DEFAULT}, {@code EXTRA} and {@code DATA_TYPE} as the
     * server reports them, with {@code ON UPDATE CURRENT_TIMESTAMP} from {@code EXTRA} after it. MariaDB 10.2.7+
     * ({@link DefaultStyle#QUOTED}): string literals quoted, {@code NULL} for an explicit NULL default,
     * {@code current_timestamp()}. MySQL ({@link DefaultStyle#BARE}): {@code x} for {@code DEFAULT 'x'} (and the empty
     * string for {@code DEFAULT ''}), {@code CURRENT_TIMESTAMP} with {@code EXTRA} {@code DEFAULT_GENERATED} (none
     * before 8.0.13), an expression {@code DEFAULT (...)} with that flag and its strings as {@code _utf8mb4\'x\'}.
     */
    static String serverDefault(String columnDefault, String extraColumn, String dataType, ColumnType type,
                                DefaultStyle style) {
        String extra = extraColumn == null ? "" : extraColumn.toLowerCase(Locale.ROOT);
        String value = columnDefault == null ? null
                : canonicalDefault(style == DefaultStyle.QUOTED ? columnDefault : bareDefault(columnDefault, extra,
                dataType), type);
        int onUpdate = extra.indexOf("on update ");
        if (onUpdate < 0) {
            return value;
        }
        String expression = canonicalDefault(extra.substring(onUpdate + "on update ".length()).strip(), type);
        return (value == null ? "NULL" : value) + " ON UPDATE " + expression;
    }

    /**
     * A string default as a literal of the session's {@code sqlMode}: the server writes MariaDB's with backslash escapes
     * and MySQL's bare whatever the mode, while the scripts that write the default again (a dropped column's downgrade)
     * and the models compared with it are read in the session's mode. Other defaults as they are.
     */
    static String inSessionMode(String serverDefault, DefaultStyle style, String sqlMode) {
        if (serverDefault == null) {
            return null;
        }
        var literal = (style == DefaultStyle.QUOTED ? ESCAPED_LITERAL : STANDARD_LITERAL).matcher(serverDefault);
        if (!literal.matches()) {
            return serverDefault;
        }
        String value = style == DefaultStyle.QUOTED ? unescape(literal.group(1)) : literal.group(1).replace("''", "'");
        return LITERALS.inSqlMode(sqlMode).literal(value);
    }

    /** The string a MySQL literal's text with backslash escapes stands for. */
    private static String unescape(String text) {
        StringBuilder value = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                switch (next) {
                    case '0' -> value.append('\0');
                    case 'b' -> value.append('\b');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'Z' -> value.append('\u001A');
                    // LIKE's wildcards keep their backslash, for LIKE to read
                    case '%', '_' -> value.append('\\').append(next);
                    default -> value.append(next);
                }
            } else if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                value.append('\'');
                i++;
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    /** A MySQL-style {@code COLUMN_DEFAULT} as MariaDB would write it: literals quoted, expressions as written. */
    private static String bareDefault(String columnDefault, String extra, String dataType) {
        boolean expression = extra.contains("default_generated")
                || columnDefault.matches("(?i)current_timestamp(\\(\\d*\\))?|now\\(\\d*\\)");
        if (expression) {
            return mysqlExpression(columnDefault);
        }
        boolean numeric = NUMERIC_TYPES.contains(String.valueOf(dataType).toLowerCase(Locale.ROOT))
                && !columnDefault.isEmpty();
        return numeric ? columnDefault : "'" + columnDefault.replace("'", "''") + "'";
    }

    /** MySQL's expression text with its strings as SQL writes them: {@code _utf8mb4\'x\'} is {@code 'x'}. */
    static String mysqlExpression(String expression) {
        String unescaped = MYSQL_ESCAPED_STRING.matcher(expression).replaceAll(match ->
                java.util.regex.Matcher.quoteReplacement("'" + match.group(1).replace("''", "'").replace("'", "''") + "'"));
        return MYSQL_INTRODUCER.matcher(unescaped).replaceAll("");
    }

    private static String canonicalDefault(String expression, ColumnType type) {
        if (NOW_FRACTION.matcher(expression).matches()) {
            // fractional seconds: a call here, which the canonical form would read as a keyword and a number
            return NOW_FRACTION.matcher(expression).replaceAll("CURRENT_TIMESTAMP($1)");
        }
        return SqlExpressions.canonicalDefault(NOW.matcher(expression).replaceAll("CURRENT_TIMESTAMP"), type);
    }

    private static void readIndexes(Connection connection, String schema, Map<String, TableParts> parts)
            throws SQLException {
        Map<String, Map<String, List<String>>> byTable = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (PreparedStatement statement = TableParts.prepare(connection, INDEXES, schema);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString(1);
                if (!parts.containsKey(table)) {
                    continue;
                }
                String name = rows.getString(2);
                int prefix = rows.getInt(5);
                boolean whole = rows.wasNull();
                String column = rows.getString(4) + (whole ? "" : "(" + prefix + ")");
                byTable.computeIfAbsent(table, t -> new LinkedHashMap<>()).computeIfAbsent(name, n -> new ArrayList<>())
                        .add(column);
                unique.put(table + "\0" + name, rows.getInt(3) == 0);
            }
        }
        byTable.forEach((table, indexes) -> indexes.forEach((name, columns) -> {
            TableParts p = parts.get(table);
            if (name.equals("PRIMARY")) {
                p.primaryKey = new PrimaryKey(null, columns);
            } else if (unique.get(table + "\0" + name)) {
                p.uniques.add(new UniqueConstraint(name, columns));
            } else {
                p.indexes.add(new Index(name, columns, false));
            }
        }));
    }

    private static void readForeignKeys(Connection connection, String schema, Map<String, TableParts> parts)
            throws SQLException {
        try (PreparedStatement statement = TableParts.prepare(connection, FOREIGN_KEYS, schema);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                TableParts table = parts.get(rows.getString(1));
                if (table != null) {
                    String referred = rows.getString(4).equals(schema) ? rows.getString(5)
                            : rows.getString(4) + "." + rows.getString(5);
                    table.addForeignKeyColumn(rows.getString(2), rows.getString(3), referred, rows.getString(6),
                            action(rows.getString(7)), action(rows.getString(8)));
                }
            }
        }
    }

    /**
     * The checks; a column's {@code json_valid} check, which MariaDB adds to a {@code JSON} column (a {@code longtext}
     * there), makes the column JSON and is not a check of the model's.
     */
    private static void readChecks(Connection connection, String schema, Map<String, TableParts> parts,
                                   DefaultStyle style) throws SQLException {
        try (PreparedStatement statement = TableParts.prepare(connection, CHECKS, schema);
             ResultSet rows = statement.executeQuery()) {
            boolean namesItsTable = hasColumn(rows, "TABLE_NAME");
            while (rows.next()) {
                String owner = rows.getString("owner_table");
                TableParts table = parts.get(owner);
                if (table == null || namesItsTable && !owner.equals(rows.getString("TABLE_NAME"))) {
                    continue; // MariaDB: a check of the same name on another table
                }
                String name = rows.getString("CONSTRAINT_NAME");
                String clause = rows.getString("CHECK_CLAUSE");
                if (style == DefaultStyle.BARE) {
                    clause = mysqlExpression(clause);
                }
                Column column = table.columns.get(name);
                if (column != null && clause.equalsIgnoreCase("json_valid(`" + name + "`)")) {
                    table.columns.put(name, column.withType(ColumnType.of(GenericType.JSON)));
                } else {
                    table.checks.add(new CheckConstraint(name, SqlExpressions.canonical(
                            BACKQUOTED.matcher(clause).replaceAll("$1"))));
                }
            }
        }
    }

    private static boolean hasColumn(ResultSet rows, String label) throws SQLException {
        var metaData = rows.getMetaData();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            if (metaData.getColumnLabel(i).equalsIgnoreCase(label)) {
                return true;
            }
        }
        return false;
    }

    private static List<Schema.Trigger> readTriggers(Connection connection, String schema, Map<String, TableParts> parts)
            throws SQLException {
        List<Schema.Trigger> triggers = new ArrayList<>();
        try (PreparedStatement statement = TableParts.prepare(connection, TRIGGERS, schema);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString(2);
                if (parts.containsKey(table)) {
                    triggers.add(new Schema.Trigger(rows.getString(1), table, "CREATE TRIGGER " + quote(rows.getString(1))
                            + " " + rows.getString(3) + " " + rows.getString(4) + " ON " + quote(table)
                            + " FOR EACH ROW " + rows.getString(5)));
                }
            }
        }
        return triggers;
    }

    /** A view's definition names its tables with the schema ({@code `db`.`t`}): without it, it can be created anywhere. */
    private static String unqualified(String definition, String schema) {
        return definition == null ? "" : definition.replace(quote(schema) + ".", "");
    }

    private static String quote(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    /** InnoDB checks RESTRICT and NO ACTION alike, at once, and reports an unspecified action as RESTRICT. */
    private static ReferentialAction action(String rule) {
        return switch (rule == null ? "" : rule) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }
}
