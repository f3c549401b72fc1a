package dev.migrate.autogenerate;

import dev.migrate.autogenerate.Step.Phase;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.mariadb.MariaDbDialect;
import dev.migrate.dialect.sqlite.SqliteDialect;
import dev.migrate.op.AddCheckConstraint;
import dev.migrate.op.AddColumn;
import dev.migrate.op.AddForeignKey;
import dev.migrate.op.AddUniqueConstraint;
import dev.migrate.op.AlterColumn;
import dev.migrate.op.AlterComment;
import dev.migrate.op.CreateIndex;
import dev.migrate.op.DropCheckConstraint;
import dev.migrate.op.DropColumn;
import dev.migrate.op.DropForeignKey;
import dev.migrate.op.DropIndex;
import dev.migrate.op.DropUniqueConstraint;
import dev.migrate.op.ExecuteSql;
import dev.migrate.op.RenameColumn;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The table-level comparators: columns (with the column-level ones: type, nullability, server default),
 * primary key, unique constraints, indexes, foreign keys with their actions, and checks. {@code model} is
 * already in the dialect's canonical form.
 */
final class TableComparator {

    private final Table model;
    private final Table reflected;
    private final Dialect dialect;
    private final CompareOptions options;
    private final int rank;
    private final String table;
    private final List<Step> steps = new ArrayList<>();
    private boolean primaryKeyChanged;

    TableComparator(Table model, Table reflected, Dialect dialect, CompareOptions options, int rank) {
        this.model = model;
        this.reflected = reflected;
        this.dialect = dialect;
        this.options = options;
        this.rank = rank;
        this.table = model.name();
    }

    int rank() {
        return rank;
    }

    boolean primaryKeyChanged() {
        return primaryKeyChanged;
    }

    List<Step> compare() {
        compareColumns();
        comparePrimaryKey();
        compareUniques();
        compareIndexes();
        compareForeignKeys();
        compareChecks();
        if (options.compareTableOptions()) {
            TableOptionsComparator.compare(model, reflected, dialect, rank).ifPresent(steps::add);
        }
        compareComment(null, model.comment(), reflected.comment());
        return steps;
    }

    private void add(Object operation, Phase phase) {
        steps.add(new Step((dev.migrate.op.Operation) operation, phase, rank));
    }

    private boolean include(ObjectKind kind, String name, Object object, boolean isReflected, Object comparedTo) {
        return options.includeObject().include(kind, name, object, isReflected, comparedTo);
    }

    // ------------------------------------------------------------------ columns

    private void compareColumns() {
        List<Column> added = new ArrayList<>();
        List<Column[]> pairs = new ArrayList<>();
        for (Column column : model.columns()) {
            Column other = reflected.column(column.name()).orElse(null);
            if (!include(ObjectKind.COLUMN, column.name(), column, false, other)) {
                continue;
            }
            if (other == null) {
                added.add(column);
            } else {
                pairs.add(new Column[] {column, other});
            }
        }
        List<Column> dropped = new ArrayList<>();
        for (Column column : reflected.columns()) {
            if (model.column(column.name()).isEmpty() && include(ObjectKind.COLUMN, column.name(), column, true, null)) {
                dropped.add(column);
            }
        }
        for (Column column : List.copyOf(added)) {
            for (Column old : List.copyOf(dropped)) {
                if (!sameType(dialect, column.type(), old.type()) || column.nullable() != old.nullable()) {
                    continue;
                }
                if (options.renameDecider().isRename(new RenameCandidate(ObjectKind.COLUMN, table, old.name(),
                        column.name()))) {
                    add(new RenameColumn(table, old.name(), column.name()), Phase.RENAME_COLUMN);
                    added.remove(column);
                    dropped.remove(old);
                    pairs.add(new Column[] {column, old.withName(column.name())});
                }
                break;
            }
        }
        added.forEach(column -> add(new AddColumn(table, column), Phase.ADD_COLUMN));
        for (Column[] pair : pairs) {
            compareColumn(pair[0], pair[1]);
        }
        dropColumnsLastFirst(dropped);
    }

    /**
     * The dropped columns last first, so that the downgrade (the upgrade reversed) adds them back in the order the
     * table had them; their descriptions stay in the table's order.
     */
    private void dropColumnsLastFirst(List<Column> dropped) {
        List<String> descriptions = dropped.stream()
                .flatMap(column -> Descriptions.of(new DropColumn(table, column)).stream()).toList();
        for (int i = dropped.size() - 1; i >= 0; i--) {
            steps.add(new Step(new DropColumn(table, dropped.get(i)), Phase.DROP_COLUMN, rank,
                    i == dropped.size() - 1 ? descriptions : List.of()));
        }
    }

    /** The column-level comparators: type, nullability, server default; one AlterColumn with all changes. */
    private void compareColumn(Column wanted, Column current) {
        Column to = current;
        if (options.compareTypes() && !sameType(dialect, wanted.type(), current.type())) {
            to = to.withType(wanted.type());
        }
        if (wanted.nullable() != current.nullable()) {
            to = to.withNullable(wanted.nullable());
        }
        if (options.compareServerDefaults() && !Objects.equals(dialect.canonicalDefault(wanted.serverDefault(), wanted.type()),
                dialect.canonicalDefault(current.serverDefault(), current.type()))) {
            to = to.withServerDefault(wanted.serverDefault());
        }
        if (!to.equals(current)) {
            add(new AlterColumn(table, current, to), Phase.ALTER_COLUMN);
        }
        compareComment(wanted.name(), wanted.comment(), current.comment());
    }

    /** The comment of the table ({@code column} null) or of a column, where the database keeps comments. */
    private void compareComment(String column, String wanted, String current) {
        if (dialect.keepsComments() && !Objects.equals(wanted, current)) {
            add(new AlterComment(table, column, current, wanted), Phase.ALTER_COLUMN);
        }
    }

    static boolean sameType(Dialect dialect, ColumnType a, ColumnType b) {
        ColumnType x = dialect.canonical(a).meaning();
        ColumnType y = dialect.canonical(b).meaning();
        if (x.generic() == GenericType.OTHER && y.generic() == GenericType.OTHER) {
            return x.raw().strip().equalsIgnoreCase(y.raw().strip());
        }
        return x.equals(y);
    }

    // ------------------------------------------------------------------ primary key

    private void comparePrimaryKey() {
        PrimaryKey wanted = model.primaryKey();
        PrimaryKey current = reflected.primaryKey();
        List<String> a = wanted == null ? List.of() : wanted.columns();
        List<String> b = current == null ? List.of() : current.columns();
        if (a.equals(b) || !include(ObjectKind.PRIMARY_KEY, wanted != null ? wanted.name() : current.name(),
                wanted != null ? wanted : current, wanted == null, wanted != null ? current : null)) {
            return;
        }
        primaryKeyChanged = true;
        String description = "Detected primary key change on '" + table + "' from (" + String.join(", ", b) + ") to ("
                + String.join(", ", a) + ")";
        if (dialect instanceof SqliteDialect) {
            // SQLite: only a rebuild changes a primary key; the SchemaComparator makes it.
            steps.add(new Step(new ExecuteSql(table, "", ""), Phase.ALTER_COLUMN, rank, List.of(description)));
            return;
        }
        List<String> descriptions = new ArrayList<>(List.of(description));
        if (!b.isEmpty()) {
            String drop = dropPrimaryKey(current, reflected);
            String restore = addPrimaryKey(current, reflected);
            steps.add(new Step(new ExecuteSql(table, drop, restore), Phase.DROP_CONSTRAINT, rank, descriptions));
            descriptions = List.of();
        }
        if (!a.isEmpty()) {
            steps.add(new Step(new ExecuteSql(table, addPrimaryKey(wanted, model), dropPrimaryKey(wanted, model)),
                    Phase.ADD_CONSTRAINT, rank, descriptions));
        }
    }

    /**
     * MariaDB: an AUTO_INCREMENT column must be a key, so the key comes in the same statement as the column's
     * AUTO_INCREMENT (a column added back is added without it).
     */
    private String addPrimaryKey(PrimaryKey key, Table owner) {
        String sql = "ALTER TABLE " + dialect.quoteIfNeeded(table) + " ADD "
                + (key.name() == null ? "" : "CONSTRAINT " + dialect.quoteIfNeeded(key.name()) + " ") + "PRIMARY KEY ("
                + key.columns().stream().map(dialect::quoteIfNeeded).collect(Collectors.joining(", ")) + ")";
        return sql + autoincrementClauses(key, owner, true);
    }

    /** MariaDB: the key's AUTO_INCREMENT column loses it in the same statement, as it may not outlive its key. */
    private String dropPrimaryKey(PrimaryKey key, Table owner) {
        if (dialect instanceof MariaDbDialect) {
            return "ALTER TABLE " + dialect.quoteIfNeeded(table) + " DROP PRIMARY KEY" + autoincrementClauses(key, owner, false);
        }
        String name = key.name() != null ? key.name() : table + "_pkey";
        return "ALTER TABLE " + dialect.quoteIfNeeded(table) + " DROP CONSTRAINT " + dialect.quoteIfNeeded(name);
    }

    /** {@code , MODIFY COLUMN ...} for each autoincrement column of the key, with or without AUTO_INCREMENT. */
    private String autoincrementClauses(PrimaryKey key, Table owner, boolean autoincrement) {
        if (!(dialect instanceof MariaDbDialect)) {
            return "";
        }
        String prefix = "ALTER TABLE " + dialect.quoteIfNeeded(table) + " ";
        return key.columns().stream().map(name -> owner.column(name).orElse(null))
                .filter(column -> column != null && column.autoincrement())
                .map(column -> ", " + dialect.render(new dev.migrate.op.AlterColumn(table, column,
                        column.withAutoincrement(autoincrement))).get(0).substring(prefix.length()))
                .collect(Collectors.joining());
    }


    // ------------------------------------------------------------------ constraints and indexes

    private void compareUniques() {
        for (UniqueConstraint unique : model.uniqueConstraints()) {
            Optional<UniqueConstraint> other = reflected.uniqueConstraints().stream()
                    .filter(candidate -> candidate.columns().equals(unique.columns())).findFirst();
            if (other.isEmpty() && include(ObjectKind.UNIQUE_CONSTRAINT, unique.name(), unique, false, null)) {
                add(new AddUniqueConstraint(table, unique), Phase.ADD_CONSTRAINT);
            }
        }
        for (UniqueConstraint unique : reflected.uniqueConstraints()) {
            boolean kept = model.uniqueConstraints().stream().anyMatch(candidate -> candidate.columns().equals(unique.columns()));
            if (!kept && include(ObjectKind.UNIQUE_CONSTRAINT, unique.name(), unique, true, null)) {
                add(new DropUniqueConstraint(table, unique), Phase.DROP_CONSTRAINT);
            }
        }
    }

    private void compareIndexes() {
        for (Index index : model.indexes()) {
            Index other = reflected.indexes().stream().filter(candidate -> candidate.name().equals(index.name()))
                    .findFirst().orElse(null);
            if (!include(ObjectKind.INDEX, index.name(), index, false, other)) {
                continue;
            }
            if (other == null) {
                if (!foreignKeysIndexExists(index)) {
                    add(new CreateIndex(table, index), foreignKeysNewIndex(index) ? Phase.DROP_FOREIGN_KEY : Phase.CREATE_INDEX);
                }
            } else if (!sameIndex(index, other)) {
                add(new DropIndex(table, other), Phase.DROP_INDEX);
                add(new CreateIndex(table, index), Phase.CREATE_INDEX);
            }
        }
        for (Index index : reflected.indexes()) {
            boolean kept = model.indexes().stream().anyMatch(candidate -> candidate.name().equals(index.name()));
            if (!kept && !foreignKeysIndex(index) && include(ObjectKind.INDEX, index.name(), index, true, null)) {
                add(new DropIndex(table, index), Phase.DROP_INDEX);
            }
        }
    }

    /**
     * MariaDB: the index the server created for a foreign key the model keeps (named after the key, or after the key
     * under its old name), which another index may now cover. It stays: the server refuses to drop it while the key
     * needs it, and it costs nothing.
     */
    private boolean foreignKeysIndex(Index index) {
        return dialect instanceof MariaDbDialect && model.foreignKeys().stream().anyMatch(key -> key.columns().equals(index.columns())
                && (index.name().equals(key.name()) || reflected.foreignKeys().stream()
                        .anyMatch(old -> old.name() != null && old.name().equals(index.name()))));
    }

    /**
     * MariaDB: the index a kept foreign key needs once the key or index that served it goes, created before anything is
     * dropped (the server refuses to drop the index a foreign key uses); its columns exist already.
     */
    private boolean foreignKeysNewIndex(Index index) {
        return dialect instanceof MariaDbDialect && model.foreignKeys().stream().anyMatch(key -> index.name().equals(key.name())
                && key.columns().equals(index.columns()))
                && index.columns().stream().allMatch(column -> reflected.column(column).isPresent());
    }

    /** MariaDB: the index a foreign key of the model needs, when the table already has one for the same columns. */
    private boolean foreignKeysIndexExists(Index index) {
        return dialect instanceof MariaDbDialect && !index.unique()
                && model.foreignKeys().stream().anyMatch(key -> index.name().equals(key.name()))
                && reflected.indexes().stream().anyMatch(existing -> existing.columns().size() >= index.columns().size()
                        && existing.columns().subList(0, index.columns().size()).equals(index.columns()));
    }

    /**
     * Unique or not, the same expressions, method, predicate and INCLUDE columns, compared as {@link #normalize}
     * reduces them (the database's rendering adds casts and parentheses); sort order and operator classes are not
     * compared (the reflected columns do not carry them).
     */
    private static boolean sameIndex(Index a, Index b) {
        return a.unique() == b.unique() && normalized(a.columns()).equals(normalized(b.columns()))
                && Objects.equals(lower(a.method()), lower(b.method()))
                && Objects.equals(a.where() == null ? null : normalize(a.where()),
                        b.where() == null ? null : normalize(b.where()))
                && normalized(a.include()).equals(normalized(b.include()));
    }

    private static List<String> normalized(List<String> expressions) {
        return expressions.stream().map(TableComparator::normalize).toList();
    }

    private static String lower(String method) {
        return method == null || method.equalsIgnoreCase("btree") ? null : method.toLowerCase(Locale.ROOT);
    }

    private void compareForeignKeys() {
        for (ForeignKey key : model.foreignKeys()) {
            ForeignKey other = reflected.foreignKeys().stream().filter(candidate -> sameReference(key, candidate))
                    .findFirst().orElse(null);
            if (!include(ObjectKind.FOREIGN_KEY, key.name(), key, false, other)) {
                continue;
            }
            if (other == null) {
                add(new AddForeignKey(table, key), Phase.ADD_FOREIGN_KEY);
            } else if (key.onDelete() != other.onDelete() || key.onUpdate() != other.onUpdate()) {
                steps.add(new Step(new DropForeignKey(table, other), Phase.DROP_FOREIGN_KEY, rank,
                        List.of("Detected foreign key action change on " + Descriptions.foreignKey(table, key)
                                + ": ON DELETE " + other.onDelete().sql() + " ON UPDATE " + other.onUpdate().sql()
                                + " to ON DELETE " + key.onDelete().sql() + " ON UPDATE " + key.onUpdate().sql())));
                steps.add(new Step(new AddForeignKey(table, key), Phase.ADD_FOREIGN_KEY, rank, List.of()));
            }
        }
        for (ForeignKey key : reflected.foreignKeys()) {
            boolean kept = model.foreignKeys().stream().anyMatch(candidate -> sameReference(candidate, key));
            if (!kept && include(ObjectKind.FOREIGN_KEY, key.name(), key, true, null)) {
                add(new DropForeignKey(table, key), Phase.DROP_FOREIGN_KEY);
            }
        }
    }

    private static boolean sameReference(ForeignKey a, ForeignKey b) {
        return a.columns().equals(b.columns()) && a.referredTable().equalsIgnoreCase(b.referredTable())
                && a.referredColumns().equals(b.referredColumns());
    }

    private void compareChecks() {
        for (CheckConstraint check : model.checks()) {
            CheckConstraint other = reflected.checks().stream().filter(candidate -> sameCheck(check, candidate))
                    .findFirst().orElse(null);
            if (other == null && include(ObjectKind.CHECK_CONSTRAINT, check.name(), check, false, null)) {
                add(new AddCheckConstraint(table, check), Phase.ADD_CONSTRAINT);
            }
        }
        for (CheckConstraint check : reflected.checks()) {
            boolean kept = model.checks().stream().anyMatch(candidate -> sameCheck(candidate, check));
            if (!kept && include(ObjectKind.CHECK_CONSTRAINT, check.name(), check, true, null)) {
                add(new DropCheckConstraint(table, check), Phase.DROP_CONSTRAINT);
            }
        }
    }

    /**
     * By name when both have one, or by expression (ignoring case, blanks, parentheses and casts): a check the
     * database named otherwise (a hand-written one, or one PostgreSQL named) but with the same condition is
     * the same check.
     */
    private static boolean sameCheck(CheckConstraint a, CheckConstraint b) {
        if (a.name() != null && b.name() != null && a.name().equalsIgnoreCase(b.name())) {
            return true;
        }
        return normalize(a.expression()).equals(normalize(b.expression()));
    }

    /** An SQL expression reduced for comparison: PostgreSQL's casts, parentheses and blanks removed, lower case. */
    static String normalize(String expression) {
        return expression.toLowerCase(Locale.ROOT)
                .replaceAll("::(character varying|double precision|timestamp with(out)? time zone|\"?[a-z_][a-z0-9_]*\"?)(\\[\\])?", "")
                .replaceAll("[()\\s\"]", "");
    }
}
