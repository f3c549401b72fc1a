package dev.migrate.dialect.sqlite;

import dev.migrate.dialect.Ddl;
import dev.migrate.dialect.Dialect;
import dev.migrate.op.AddCheckConstraint;
import dev.migrate.op.AddColumn;
import dev.migrate.op.AddForeignKey;
import dev.migrate.op.AddUniqueConstraint;
import dev.migrate.op.AlterColumn;
import dev.migrate.op.DropCheckConstraint;
import dev.migrate.op.DropColumn;
import dev.migrate.op.DropForeignKey;
import dev.migrate.op.DropUniqueConstraint;
import dev.migrate.op.Operation;
import dev.migrate.op.RebuildTable;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SQLite DDL. SQLite keeps a column's declared type text as it was written, so the canonical type is the
 * declared one; what it cannot ALTER it rebuilds.
 *
 * <p>Autoincrement: a single-column {@code INTEGER} primary key is an alias of the rowid, which SQLite fills
 * by itself. The {@code AUTOINCREMENT} keyword is not written: it only adds the promise never to reuse the
 * id of a deleted last row, at the price of a {@code sqlite_sequence} table updated on every insert, and the
 * SQLite documentation advises against it. A {@code BIGINT} autoincrement key is written (and reported) as
 * {@code INTEGER}: only that exact type name makes the rowid alias, and SQLite integers are 64-bit anyway.
 */
final class SqliteDdl extends Ddl {

    /** The temporary name of the new table during a rebuild. */
    static final String REBUILD_PREFIX = "_migrate_new_";
    static final String GUARD_TABLE = "_migrate_rebuild_guard";

    SqliteDdl(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String typeSql(ColumnType type) {
        if (type.raw() != null) {
            // as declared (NVARCHAR(70), DATETIME, INT): SQLite keeps the text, and applications read it back
            return type.raw();
        }
        return switch (type.generic()) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case DECIMAL -> type.precision() == null ? "NUMERIC"
                    : "NUMERIC(" + type.precision() + (type.scale() == null ? "" : ", " + type.scale()) + ")";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case VARCHAR -> type.length() == null ? "VARCHAR" : "VARCHAR(" + type.length() + ")";
            case CHAR -> type.length() == null ? "CHAR" : "CHAR(" + type.length() + ")";
            case TEXT -> "TEXT";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMP_WITH_TIME_ZONE -> "TIMESTAMP WITH TIME ZONE";
            case BINARY -> type.length() == null ? "BLOB" : "BLOB(" + type.length() + ")";
            case UUID -> "UUID";
            case JSON -> "JSON";
            case OTHER -> type.raw();
        };
    }

    @Override
    protected ColumnType canonical(ColumnType type) {
        // the declared type as written: typeSql writes time types without a precision, so none is kept
        return switch (type.generic()) {
            case TIME, TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> type.precision() == null ? type : ColumnType.of(type.generic());
            default -> type;
        };
    }

    @Override
    protected Column canonicalKeyColumn(Table table, Column column) {
        if (isRowidAlias(table, column)) {
            return column.withType(ColumnType.of(GenericType.INTEGER)).withAutoincrement(true)
                    .withServerDefault(null);
        }
        return column.autoincrement() ? column.withAutoincrement(false) : column;
    }

    /** A single-column integer primary key marked autoincrement, or already declared INTEGER: the rowid alias. */
    private static boolean isRowidAlias(Table table, Column column) {
        if (table.primaryKey() == null || table.primaryKey().columns().size() != 1
                || !table.primaryKey().columns().get(0).equals(column.name())) {
            return false;
        }
        return column.type().generic() == GenericType.INTEGER
                || (column.autoincrement() && isIntegerType(column.type()));
    }

    @Override
    protected List<String> createTable(Table table, String tableName) {
        Table written = table;
        List<Column> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            columns.add(canonicalKeyColumn(table, column));
        }
        if (!columns.equals(table.columns())) {
            written = table.with(table.name(), columns, table.primaryKey(), table.foreignKeys(),
                    table.uniqueConstraints(), table.indexes(), table.checks(), table.definition());
        }
        return super.createTable(written, tableName);
    }

    @Override
    protected List<String> createTable(Table table) {
        if (table.kind() == dev.migrate.schema.TableKind.VIRTUAL && table.definition() != null) {
            return List.of(table.definition());
        }
        if (table.definition() != null) {
            // a reflected table created again (a dropped table's downgrade): SQLite's own text, as it was
            List<String> statements = new ArrayList<>();
            statements.add(table.definition());
            statements.addAll(createIndexes(table));
            return statements;
        }
        return super.createTable(table);
    }

    @Override
    protected String autoincrementClause(Column column) {
        return "";
    }

    /** SQLite keeps no comments: nothing to write (autogenerate never compares them here). */
    @Override
    protected List<String> comment(dev.migrate.op.AlterComment op) {
        return List.of();
    }

    @Override
    protected boolean supports(Operation operation, Table current) {
        if (operation instanceof AddColumn op) {
            return addable(op.column());
        }
        if (operation instanceof DropColumn op) {
            return current == null || droppable(current, op.column().name());
        }
        return !(operation instanceof AlterColumn || operation instanceof AddUniqueConstraint
                || operation instanceof DropUniqueConstraint || operation instanceof AddForeignKey
                || operation instanceof DropForeignKey || operation instanceof AddCheckConstraint
                || operation instanceof DropCheckConstraint);
    }

    /** ALTER TABLE ADD COLUMN: no computed default, and NOT NULL only with a default. */
    private static boolean addable(Column column) {
        if (column.autoincrement()) {
            return false;
        }
        if (column.serverDefault() == null) {
            return column.nullable();
        }
        return isLiteral(column.serverDefault());
    }

    /** ALTER TABLE DROP COLUMN (3.35+): not for a column in a key, a constraint or an index. */
    private static boolean droppable(Table table, String column) {
        Pattern word = Pattern.compile("(?i)(^|[^A-Za-z0-9_])\"?" + Pattern.quote(column) + "\"?([^A-Za-z0-9_]|$)");
        boolean used = (table.primaryKey() != null && table.primaryKey().columns().contains(column))
                || table.uniqueConstraints().stream().anyMatch(unique -> unique.columns().contains(column))
                || table.indexes().stream().anyMatch(index -> index.columns().stream()
                        .anyMatch(element -> word.matcher(element).find()))
                || table.foreignKeys().stream().anyMatch(key -> key.columns().contains(column))
                || table.checks().stream().anyMatch(check -> word.matcher(check.expression()).find());
        return !used;
    }

    @Override
    protected List<String> alterColumn(AlterColumn op) {
        throw needsRebuild(op);
    }

    @Override
    protected List<String> render(Operation operation) {
        if (!supports(operation, null)) {
            throw needsRebuild(operation);
        }
        return super.render(operation);
    }

    private static UnsupportedOperationException needsRebuild(Operation operation) {
        return new UnsupportedOperationException("SQLite has no statement for " + operation.getClass().getSimpleName()
                + " on table " + operation.tableName() + "; it needs a table rebuild (RebuildTable)");
    }

    /**
     * Create the new table under a temporary name, copy the rows, drop the old table, rename the new one,
     * and restore indexes, triggers and views, all inside the migration's transaction.
     *
     * <p>Foreign keys: with {@code PRAGMA foreign_keys = ON}, the implicit DELETE that DROP TABLE performs fires
     * the ON DELETE actions of the tables that refer to the rebuilt one (CASCADE deletes their rows, SET NULL
     * clears them), and {@code defer_foreign_keys} does not stop actions, only defers violations. The pragma
     * cannot change inside a transaction, and renaming the old table away instead makes SQLite rewrite the
     * children's REFERENCES to the old name. So the rebuild starts with a guard that fails, before anything
     * changes, when foreign keys are on and any table refers to this one; the runner must turn them off for
     * such a step. It ends with {@code pragma_foreign_key_check} for the rows of and into this table: a
     * violation fails the migration with a message naming the table.
     */
    @Override
    protected List<String> rebuild(RebuildTable op) {
        Table from = op.from();
        Table to = op.to();
        String temporary = REBUILD_PREFIX + to.name();
        String tableLiteral = dialect.literal(from.name().toLowerCase(Locale.ROOT));
        String guard = dialect.quote(GUARD_TABLE);
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TEMP TABLE " + guard + " (\n"
                + "    foreign_keys_off INTEGER CONSTRAINT " + dialect.quote(from.name()
                + " is referenced by foreign keys: rebuild it with PRAGMA foreign_keys = OFF") + " CHECK (foreign_keys_off),\n"
                + "    foreign_keys_hold INTEGER CONSTRAINT " + dialect.quote("foreign key violations after rebuilding "
                + to.name() + ", see PRAGMA foreign_key_check") + " CHECK (foreign_keys_hold)\n)");
        statements.add("INSERT INTO temp." + guard + " (foreign_keys_off, foreign_keys_hold) SELECT NOT ("
                + "(SELECT foreign_keys FROM pragma_foreign_keys) AND EXISTS (SELECT 1 FROM sqlite_master AS m "
                + "JOIN pragma_foreign_key_list(m.name) AS f WHERE m.type = 'table' AND lower(f.\"table\") = "
                + tableLiteral + ")), 1");
        List<Schema.View> views = op.views();
        for (int i = views.size() - 1; i >= 0; i--) {
            statements.add("DROP VIEW IF EXISTS " + name(views.get(i).name()));
        }
        for (Schema.Trigger trigger : op.triggers()) {
            statements.add("DROP TRIGGER IF EXISTS " + name(trigger.name()));
        }
        statements.addAll(createTable(to, temporary));
        List<String> targets = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Column column : to.columns()) {
            String source = op.columnSources().get(column.name());
            if (source != null && from.column(source).isPresent()) {
                targets.add(name(column.name()));
                sources.add(name(source));
            }
        }
        if (!targets.isEmpty()) {
            statements.add("INSERT INTO " + name(temporary) + " (" + String.join(", ", targets) + ") SELECT "
                    + String.join(", ", sources) + " FROM " + name(from.name()));
        }
        statements.add("DROP TABLE " + name(from.name()));
        statements.add("ALTER TABLE " + name(temporary) + " RENAME TO " + name(to.name()));
        statements.addAll(createIndexes(to));
        op.triggers().forEach(trigger -> statements.add(trigger.definition()));
        views.forEach(view -> statements.add(view.definition()));
        String toLiteral = dialect.literal(to.name().toLowerCase(Locale.ROOT));
        statements.add("INSERT INTO temp." + guard + " (foreign_keys_off, foreign_keys_hold) SELECT 1, NOT EXISTS ("
                + "SELECT 1 FROM pragma_foreign_key_check() WHERE lower(\"table\") = " + toLiteral
                + " OR lower(parent) = " + toLiteral + ")");
        statements.add("DROP TABLE temp." + guard);
        return statements;
    }
}
