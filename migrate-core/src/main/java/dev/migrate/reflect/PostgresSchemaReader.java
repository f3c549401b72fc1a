package dev.migrate.reflect;

import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PostgreSQL: five pg_catalog queries for the whole schema, whatever its size: relations (tables and views, and with
 * them the enum types with their labels and the domains, with what on each table the engine does not manage:
 * policies, grants, inheritance, partitioning, exclusion constraints, publications, comments on its indexes and
 * constraints; and its own comment), columns (with their defaults as written, the sequences they own and their
 * comments), constraints, indexes that no constraint owns (with their whole statements), and triggers and rules (on
 * the tables and on the views). The detail queries take the included table names as one array parameter, so excluded
 * tables are never read in detail. A view's row also brings the statements that restore what re-creating it loses
 * (a materialized view's indexes, comments, grants), and a trigger's or rule's row its comment.
 */
final class PostgresSchemaReader implements SchemaReader {

    private static final String RELATIONS = """
            SELECT n.nspname, c.relname, c.relkind,
                   CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END,
                   CASE WHEN c.relkind IN ('v', 'm') THEN
                   ARRAY(SELECT pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid
                         WHERE x.indrelid = c.oid ORDER BY ic.relname)
                   || ARRAY(SELECT 'COMMENT ON ' || CASE WHEN d.objsubid > 0 THEN 'COLUMN ' || quote_ident(c.relname)
                                   || '.' || quote_ident(a.attname) WHEN c.relkind = 'm' THEN 'MATERIALIZED VIEW '
                                   || quote_ident(c.relname) ELSE 'VIEW ' || quote_ident(c.relname) END
                                   || ' IS ' || quote_literal(d.description)
                            FROM pg_description d
                            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
                            WHERE d.classoid = 'pg_class'::regclass AND d.objoid = c.oid ORDER BY d.objsubid)
                   || ARRAY(SELECT 'COMMENT ON INDEX ' || quote_ident(ic.relname) || ' IS ' || quote_literal(d.description)
                            FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid
                            JOIN pg_description d ON d.classoid = 'pg_class'::regclass AND d.objoid = ic.oid
                            WHERE x.indrelid = c.oid ORDER BY ic.relname)
                   || ARRAY(SELECT 'GRANT ' || g.privilege_type || ' ON ' || quote_ident(c.relname) || ' TO '
                                   || CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END
                                   || CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END
                            FROM aclexplode(c.relacl) g WHERE g.grantee <> c.relowner
                            ORDER BY g.grantee, g.privilege_type)
                   ELSE
                   ARRAY(SELECT 'policy ' || pol.polname FROM pg_policy pol WHERE pol.polrelid = c.oid)
                   || CASE WHEN c.relrowsecurity THEN ARRAY['row level security'] ELSE ARRAY[]::text[] END
                   || CASE WHEN c.relacl IS NOT NULL THEN ARRAY['grants (' || array_to_string(c.relacl, ', ') || ')']
                           ELSE ARRAY[]::text[] END
                   || CASE WHEN c.relkind = 'p' THEN ARRAY['partitioning (PARTITION BY ' || pg_get_partkeydef(c.oid)
                           || ')'] ELSE ARRAY[]::text[] END
                   || ARRAY(SELECT 'partition ' || ch.relname FROM pg_inherits i
                            JOIN pg_class ch ON ch.oid = i.inhrelid WHERE i.inhparent = c.oid AND ch.relispartition
                            ORDER BY ch.relname)
                   || ARRAY(SELECT 'inheriting table ' || ch.relname FROM pg_inherits i
                            JOIN pg_class ch ON ch.oid = i.inhrelid WHERE i.inhparent = c.oid AND NOT ch.relispartition)
                   || ARRAY(SELECT 'exclusion constraint ' || x.conname FROM pg_constraint x
                            WHERE x.conrelid = c.oid AND x.contype = 'x' ORDER BY x.conname)
                   || ARRAY(SELECT 'publication ' || pub.pubname FROM pg_publication_rel pr
                            JOIN pg_publication pub ON pub.oid = pr.prpubid WHERE pr.prrelid = c.oid)
                   || ARRAY(SELECT 'comment on index ' || ic.relname FROM pg_index x
                            JOIN pg_class ic ON ic.oid = x.indexrelid
                            JOIN pg_description d ON d.classoid = 'pg_class'::regclass AND d.objoid = ic.oid
                            WHERE x.indrelid = c.oid ORDER BY ic.relname)
                   || ARRAY(SELECT 'comment on constraint ' || co.conname FROM pg_constraint co
                            JOIN pg_description d ON d.classoid = 'pg_constraint'::regclass AND d.objoid = co.oid
                            WHERE co.conrelid = c.oid ORDER BY co.conname) END,
                   ARRAY(SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
                         WHERE i.inhrelid = c.oid AND NOT c.relispartition ORDER BY i.inhseqno),
                   s.seqstart, s.seqincrement, obj_description(c.oid, 'pg_class'),
                   CASE WHEN c.relkind IN ('v', 'm') AND c.relowner <> (SELECT r.oid FROM pg_roles r
                                                                          WHERE r.rolname = current_user)
                        THEN ARRAY['owner ' || pg_get_userbyid(c.relowner)] END,
                   ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0
                         AND NOT a.attisdropped AND a.attinhcount > 0 AND NOT a.attislocal ORDER BY a.attnum)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_sequence s ON s.seqrelid = c.oid
            WHERE n.nspname = COALESCE(?, current_schema())
              AND (c.relkind IN ('r', 'p', 'v', 'm')
                   OR c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend o WHERE o.classid = 'pg_class'::regclass
                                          AND o.objid = c.oid AND o.refobjsubid > 0 AND o.deptype IN ('a', 'i')))
              AND NOT c.relispartition
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                              AND d.objid = c.oid AND d.deptype = 'e')
            UNION ALL
            SELECT n.nspname, t.typname, 'E'::"char", NULL,
                   ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder),
                   ARRAY[]::name[], NULL, NULL, NULL, NULL, NULL
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typtype = 'e' AND n.nspname = COALESCE(?, current_schema())
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                              AND d.objid = t.oid AND d.deptype = 'e')
            UNION ALL
            SELECT n.nspname, t.typname, 'D'::"char",
                   'CREATE DOMAIN ' || quote_ident(t.typname) || ' AS ' || format_type(t.typbasetype, t.typtypmod)
                   || COALESCE(' DEFAULT ' || t.typdefault, '') || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
                   || COALESCE((SELECT string_agg(' CONSTRAINT ' || quote_ident(dc.conname) || ' '
                                                  || pg_get_constraintdef(dc.oid), '' ORDER BY dc.conname)
                                FROM pg_constraint dc WHERE dc.contypid = t.oid AND dc.contype = 'c'), ''),
                   ARRAY[format_type(t.typbasetype, NULL)], ARRAY[]::name[], NULL, NULL, NULL, NULL, NULL
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typtype = 'd' AND n.nspname = COALESCE(?, current_schema())
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                              AND d.objid = t.oid AND d.deptype = 'e')
            ORDER BY 2""";

    private static final String COLUMNS = """
            SELECT c.relname, a.attname, t.typname, t.typtype, a.atttypmod, format_type(a.atttypid, a.atttypmod),
                   a.attnotnull, CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,
                   a.attidentity, sc.relname,
                   format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,
                   s.seqcycle, col_description(c.oid, a.attnum)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_depend dep ON dep.refclassid = 'pg_class'::regclass AND dep.refobjid = c.oid
                 AND dep.refobjsubid = a.attnum AND dep.classid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
            LEFT JOIN pg_class sc ON sc.oid = dep.objid AND sc.relkind = 'S'
            LEFT JOIN pg_sequence s ON s.seqrelid = sc.oid
            WHERE n.nspname = ? AND c.relname = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum""";

    private static final String CONSTRAINTS = """
            SELECT c.relname, con.conname, con.contype,
                   ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, pos)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.pos),
                   rn.nspname, rc.relname,
                   ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, pos)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.pos),
                   con.confdeltype, con.confupdtype, pg_get_expr(con.conbin, con.conrelid)
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class rc ON rc.oid = con.confrelid
            LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
            WHERE n.nspname = ? AND c.relname = ANY (?) AND con.contype IN ('p', 'u', 'f', 'c')
            ORDER BY c.relname, con.conname""";

    private static final String INDEXES = """
            SELECT t.relname, i.relname, ix.indisunique,
                   ARRAY(SELECT pg_get_indexdef(ix.indexrelid, k, true)
                         FROM generate_series(1, ix.indnkeyatts) k ORDER BY k),
                   pg_get_indexdef(ix.indexrelid),
                   NULLIF(am.amname, 'btree'),
                   pg_get_expr(ix.indpred, ix.indrelid, true),
                   ARRAY(SELECT pg_get_indexdef(ix.indexrelid, k, true)
                         FROM generate_series(ix.indnkeyatts + 1, ix.indnatts) k ORDER BY k)
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_am am ON am.oid = i.relam
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = ? AND t.relname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid
                              AND con.conrelid = ix.indrelid AND con.contype IN ('p', 'u', 'x'))
            ORDER BY t.relname, i.relname""";

    private static final String TRIGGERS = """
            WITH wanted AS (SELECT ?::text AS nspname, ?::text[] AS tables)
            SELECT tg.tgname, c.relname, pg_get_triggerdef(tg.oid),
                   'COMMENT ON TRIGGER ' || quote_ident(tg.tgname) || ' ON ' || quote_ident(c.relname) || ' IS '
                   || quote_literal(obj_description(tg.oid, 'pg_trigger'))
            FROM pg_trigger tg
            JOIN pg_class c ON c.oid = tg.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN wanted w ON n.nspname = w.nspname
            WHERE (c.relname = ANY (w.tables) OR c.relkind IN ('v', 'm')) AND NOT tg.tgisinternal
            UNION ALL
            SELECT r.rulename, c.relname, pg_get_ruledef(r.oid),
                   'COMMENT ON RULE ' || quote_ident(r.rulename) || ' ON ' || quote_ident(c.relname) || ' IS '
                   || quote_literal(obj_description(r.oid, 'pg_rewrite'))
            FROM pg_rewrite r
            JOIN pg_class c ON c.oid = r.ev_class
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN wanted w ON n.nspname = w.nspname
            WHERE (c.relname = ANY (w.tables) OR c.relkind IN ('v', 'm')) AND r.rulename <> '_RETURN'
            ORDER BY 2, 1""";

    @Override
    public int queriesPerRead() {
        return 5;
    }

    @Override
    public Schema read(Connection connection, ReflectOptions options) throws SQLException {
        String schema = options.schema();
        List<String> tableNames = new ArrayList<>();
        List<Schema.View> views = new ArrayList<>();
        List<Schema.NotKept> notKept = new ArrayList<>();
        List<Schema.Sequence> standalone = new ArrayList<>();
        List<Schema.EnumType> enumTypes = new ArrayList<>();
        List<Schema.Domain> domains = new ArrayList<>();
        Map<String, String> comments = new java.util.HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(RELATIONS)) {
            statement.setString(1, schema);
            statement.setString(2, schema);
            statement.setString(3, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    schema = rows.getString(1);
                    String name = rows.getString(2);
                    String kind = rows.getString(3);
                    if (kind.equals("D")) {
                        domains.add(new Schema.Domain(name, strings(rows.getArray(5)).get(0), rows.getString(4)));
                    } else if (kind.equals("E")) {
                        // an enum type (with the relations, so that reading them costs no query of its own)
                        enumTypes.add(new Schema.EnumType(name, strings(rows.getArray(5))));
                    } else if (kind.equals("S")) {
                        // a sequence no column owns (an owned one comes with its column)
                        standalone.add(Schema.Sequence.standalone(name, rows.getLong(7), rows.getLong(8)));
                    } else if (kind.equals("v") || kind.equals("m")) {
                        String create = kind.equals("v") ? "CREATE VIEW " : "CREATE MATERIALIZED VIEW ";
                        // with the statements that restore its indexes, comments and grants, and what they cannot
                        views.add(new Schema.View(name, create + quoteIfNeeded(name) + " AS\n" + rows.getString(4),
                                strings(rows.getArray(5)), strings(rows.getArray(10))));
                    } else if (options.includes(name)) {
                        tableNames.add(name);
                        comments.put(name, rows.getString(9));
                        strings(rows.getArray(5)).forEach(what -> notKept.add(new Schema.NotKept(name, what)));
                        List<String> inheritedOnly = strings(rows.getArray(11));
                        strings(rows.getArray(6)).forEach(parent -> notKept.add(
                                new Schema.NotKept(name, "inheritance from " + parent, parent, inheritedOnly)));
                    }
                }
            }
        }
        if (tableNames.isEmpty()) {
            return new Schema(List.of(), List.of(), views, standalone, notKept, enumTypes, domains);
        }
        Map<String, Parts> parts = new TreeMap<>();
        tableNames.forEach(name -> parts.put(name, new Parts()));
        Array names = connection.createArrayOf("text", tableNames.toArray());
        try {
            List<Schema.Sequence> sequences = new ArrayList<>(readColumns(connection, schema, names, parts));
            sequences.addAll(standalone);
            readConstraints(connection, schema, names, parts);
            readIndexes(connection, schema, names, parts);
            List<Schema.Trigger> triggers = readTriggers(connection, schema, names);
            List<Table> tables = new ArrayList<>();
            parts.forEach((name, p) -> tables.add(p.build(name).withComment(comments.get(name))));
            return new Schema(tables, triggers, views, sequences, notKept, enumTypes, domains);
        } finally {
            names.free();
        }
    }

    /** The columns into {@code parts}; returns the sequences the columns own. */
    private static List<Schema.Sequence> readColumns(Connection connection, String schema, Array names,
                                                     Map<String, Parts> parts) throws SQLException {
        List<Schema.Sequence> sequences = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, COLUMNS, schema, names);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String sequence = rows.getString(10);
                String identity = rows.getString(9);
                String sequenceOptions = sequence == null ? null : "START WITH " + rows.getLong(12) + " INCREMENT BY "
                        + rows.getLong(13) + " MINVALUE " + rows.getLong(14) + " MAXVALUE " + rows.getLong(15)
                        + " CACHE " + rows.getLong(16) + (rows.getBoolean(17) ? " CYCLE" : " NO CYCLE");
                boolean isIdentity = identity != null && !identity.isEmpty();
                if (sequence != null && !isIdentity) {
                    sequences.add(new Schema.Sequence(sequence, rows.getString(1), rows.getString(2),
                            "CREATE SEQUENCE " + quoteIfNeeded(sequence) + " AS " + rows.getString(11) + " "
                                    + sequenceOptions, rows.getLong(12), rows.getLong(13)));
                }
                String columnName = rows.getString(2);
                if (parts.get(rows.getString(1)).columns.stream().anyMatch(column -> column.name().equals(columnName))) {
                    continue; // a column that owns two sequences: one row each
                }
                ColumnType type = SqlTypes.fromPostgres(rows.getString(3), rows.getString(4), rows.getInt(5),
                        rows.getString(6));
                String rawDefault = rows.getString(8);
                boolean autoincrement = isIdentity;
                String serverDefault = null;
                // an identity column: its whole clause (ALWAYS or BY DEFAULT, the sequence's options)
                String definition = isIdentity ? "GENERATED " + (identity.equals("a") ? "ALWAYS" : "BY DEFAULT")
                        + " AS IDENTITY" + (sequenceOptions == null ? "" : " (" + sequenceOptions + ")") : rawDefault;
                if (rawDefault != null && rawDefault.startsWith("nextval(")) {
                    // compared as autoincrement (what serial means), rendered as the nextval of its sequence
                    autoincrement = true;
                } else {
                    serverDefault = SqlExpressions.canonicalDefault(rawDefault, type);
                    if (serverDefault == null && !isIdentity) {
                        definition = null;
                    }
                }
                parts.get(rows.getString(1)).columns.add(new Column(rows.getString(2), type, !rows.getBoolean(7),
                        serverDefault, autoincrement, definition, rows.getString(18)));
            }
        }
        return sequences;
    }

    private static void readConstraints(Connection connection, String schema, Array names, Map<String, Parts> parts)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, CONSTRAINTS, schema, names);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Parts table = parts.get(rows.getString(1));
                String name = rows.getString(2);
                List<String> columns = strings(rows.getArray(4));
                switch (rows.getString(3)) {
                    case "p" -> table.primaryKey = new PrimaryKey(name, columns);
                    case "u" -> table.uniques.add(new UniqueConstraint(name, columns));
                    case "c" -> table.checks.add(new CheckConstraint(name, SqlExpressions.canonical(rows.getString(10))));
                    case "f" -> {
                        String referredSchema = rows.getString(5);
                        String referred = referredSchema.equals(schema) ? rows.getString(6)
                                : referredSchema + "." + rows.getString(6);
                        table.foreignKeys.add(new ForeignKey(name, columns, referred, strings(rows.getArray(7)),
                                action(rows.getString(8)), action(rows.getString(9))));
                    }
                    default -> { }
                }
            }
        }
    }

    private static void readIndexes(Connection connection, String schema, Array names, Map<String, Parts> parts)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, INDEXES, schema, names);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                List<String> columns = strings(rows.getArray(4)).stream().map(PostgresSchemaReader::unquote).toList();
                List<String> include = strings(rows.getArray(8)).stream().map(PostgresSchemaReader::unquote).toList();
                parts.get(rows.getString(1)).indexes.add(new Index(rows.getString(2), columns, rows.getBoolean(3),
                        rows.getString(5), rows.getString(6), rows.getString(7), include));
            }
        }
    }

    private static List<Schema.Trigger> readTriggers(Connection connection, String schema, Array names)
            throws SQLException {
        List<Schema.Trigger> triggers = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, TRIGGERS, schema, names);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String comment = rows.getString(4); // null without a comment
                triggers.add(new Schema.Trigger(rows.getString(1), rows.getString(2), rows.getString(3),
                        comment == null ? List.of() : List.of(comment)));
            }
        }
        return triggers;
    }

    private static PreparedStatement prepare(Connection connection, String sql, String schema, Array names)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, schema);
        statement.setArray(2, names);
        return statement;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        } finally {
            array.free();
        }
    }

    /** A column name as pg_get_indexdef renders it ({@code "Weird Name"}) back to the name; expressions stay. */
    private static String unquote(String rendered) {
        List<SqlTokens.Token> tokens = SqlTokens.tokenize(rendered);
        return tokens.size() == 1 && tokens.get(0).kind() == SqlTokens.Kind.QUOTED_NAME ? tokens.get(0).name() : rendered;
    }

    private static String quoteIfNeeded(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    private static ReferentialAction action(String code) {
        return switch (code == null ? "a" : code) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private static final class Parts {
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();

        Table build(String name) {
            foreignKeys.sort(Comparator.comparing(ForeignKey::name));
            uniques.sort(Comparator.comparing(UniqueConstraint::name));
            indexes.sort(Comparator.comparing(Index::name));
            checks.sort(Comparator.comparing(CheckConstraint::name));
            return new Table(name, null, columns, primaryKey, foreignKeys, uniques, indexes, checks, true, null);
        }
    }
}
