package dev.migrate.dialect.mariadb;

import dev.migrate.dialect.Ddl;
import dev.migrate.dialect.Dialect;
import dev.migrate.op.AddColumn;
import dev.migrate.op.AlterColumn;
import dev.migrate.op.CreateIndex;
import dev.migrate.op.DropCheckConstraint;
import dev.migrate.op.DropForeignKey;
import dev.migrate.op.DropIndex;
import dev.migrate.op.DropUniqueConstraint;
import dev.migrate.op.Operation;
import dev.migrate.op.RebuildTable;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MariaDB and MySQL DDL: {@code AUTO_INCREMENT}, {@code MODIFY COLUMN} with the whole column definition,
 * {@code DROP FOREIGN KEY}, {@code DROP INDEX ... ON}, indexes written inside CREATE TABLE (so that a foreign key
 * finds its index there and the server adds none of its own), and the names the server gives what the model left
 * unnamed: {@code <table>_ibfk_<n>} for foreign keys, the first column for unique keys and for the index a foreign
 * key needs, {@code CONSTRAINT_<n>} for checks.
 */
final class MariaDbDdl extends Ddl {

    private static final Pattern DISPLAY_WIDTH = Pattern.compile("^(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)");
    private static final Pattern ON_UPDATE = Pattern.compile("(?i)\\s+ON\\s+UPDATE\\s+");
    private static final Pattern NOW = Pattern.compile("(?i)\\b(current_timestamp|now|localtimestamp)\\(\\)|\\blocaltimestamp\\b");
    private static final Pattern NOW_FRACTION = Pattern.compile("(?i)\\b(current_timestamp|now)\\((\\d+)\\)");

    MariaDbDdl(Dialect dialect) {
        super(dialect);
    }

    // ------------------------------------------------------------------ types

    @Override
    protected String typeSql(ColumnType type) {
        return switch (type.generic()) {
            case SMALLINT -> "smallint";
            case INTEGER -> "int";
            case BIGINT -> "bigint";
            case BOOLEAN -> "tinyint(1)";
            case DECIMAL -> type.precision() == null ? "decimal"
                    : "decimal(" + type.precision() + (type.scale() == null ? "" : "," + type.scale()) + ")";
            case REAL -> "float";
            case DOUBLE -> "double";
            // MariaDB has no VARCHAR without a length: SQLAlchemy's String() there is VARCHAR(255) too.
            case VARCHAR -> "varchar(" + (type.length() == null ? 255 : type.length()) + ")";
            case CHAR -> "char(" + (type.length() == null ? 1 : type.length()) + ")";
            case TEXT -> "text";
            case DATE -> "date";
            case TIME -> "time" + fraction(type);
            case TIMESTAMP -> "datetime" + fraction(type);
            // TIMESTAMP is stored in UTC and read in the session's zone: the zone-aware kind.
            case TIMESTAMP_WITH_TIME_ZONE -> "timestamp" + fraction(type);
            case BINARY -> "blob";
            case UUID -> "char(36)";
            case JSON -> "json";
            case OTHER -> type.raw();
        };
    }

    private static String fraction(ColumnType type) {
        return type.precision() == null || type.precision() == 0 ? "" : "(" + type.precision() + ")";
    }

    @Override
    protected ColumnType canonical(ColumnType type) {
        return switch (type.generic()) {
            case DECIMAL -> ColumnType.decimal(type.precision() == null ? 10 : type.precision(),
                    type.scale() == null ? 0 : type.scale());
            case VARCHAR -> ColumnType.varchar(type.length() == null ? 255 : type.length());
            case CHAR -> new ColumnType(GenericType.CHAR, type.length() == null ? 1 : type.length(), null, null, null);
            case UUID -> new ColumnType(GenericType.CHAR, 36, null, null, null);
            case TIME, TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> new ColumnType(type.generic(), null,
                    type.precision() == null || type.precision() == 0 ? null : type.precision(), null, null);
            case SMALLINT, INTEGER, BIGINT, BOOLEAN, REAL, DOUBLE, TEXT, DATE, BINARY, JSON -> ColumnType.of(type.generic());
            case OTHER -> ColumnType.other(canonicalRaw(type.raw()));
        };
    }

    /**
     * A type the engine does not know, as {@code information_schema.COLUMNS.COLUMN_TYPE} writes it: lower case
     * outside quotes, no display width on integers ({@code int(10) unsigned} is {@code int unsigned}), no blank after
     * a comma ({@code enum('a','b')}).
     */
    static String canonicalRaw(String raw) {
        String out = compactRaw(raw, false);
        return DISPLAY_WIDTH.matcher(out).replaceFirst("$1").replace("integer", "int");
    }

    // ------------------------------------------------------------------ defaults

    /**
     * MariaDB's spelling of defaults: {@code current_timestamp()} (and {@code now()}) is {@code CURRENT_TIMESTAMP},
     * and {@code ON UPDATE CURRENT_TIMESTAMP}, which the model writes after its default
     * ({@code serverDefault = "CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP"}), is kept with it.
     */
    @Override
    protected String canonicalDefault(String expression, ColumnType type) {
        if (expression == null) {
            return null;
        }
        String[] parts = ON_UPDATE.split(expression.strip(), 2);
        String value = super.canonicalDefault(now(parts[0]), type);
        if (value != null && isNumericType(type) && NUMBER.matcher(value).matches()) {
            // a DECIMAL(10, 2) column reports its default 0 as 0.00
            value = new java.math.BigDecimal(value).stripTrailingZeros().toPlainString();
        }
        if (parts.length == 1) {
            return value;
        }
        String onUpdate = super.canonicalDefault(now(parts[1]), type);
        return (value == null ? "NULL" : value) + " ON UPDATE " + onUpdate;
    }

    private static String now(String expression) {
        String value = NOW.matcher(expression.strip()).replaceAll("CURRENT_TIMESTAMP");
        return NOW_FRACTION.matcher(value).replaceAll("CURRENT_TIMESTAMP($2)");
    }

    @Override
    protected String defaultSql(String expression) {
        String[] parts = ON_UPDATE.split(expression.strip(), 2);
        String value = parts[0].equalsIgnoreCase("NULL") ? "NULL" : super.defaultSql(parts[0]);
        return parts.length == 1 ? value : value + " ON UPDATE " + parts[1].strip();
    }

    @Override
    protected Column canonical(Column column) {
        Column canonical = super.canonical(column);
        if (column.autoincrement() && isIntegerLike(canonical.type())) {
            canonical = canonical.withAutoincrement(true); // an UNSIGNED key is an integer too
        }
        return canonical.autoincrement() ? canonical.withServerDefault(null) : canonical;
    }

    /** The integer types, and those the engine keeps by name: {@code int unsigned}, {@code mediumint}... */
    static boolean isIntegerLike(ColumnType type) {
        return isIntegerType(type) || type.generic() == GenericType.OTHER
                && INTEGER_NAME.matcher(type.raw().toLowerCase(Locale.ROOT)).lookingAt();
    }

    private static final Pattern INTEGER_NAME = Pattern.compile("(tiny|small|medium|big)?int(eger)?\\b");

    // ------------------------------------------------------------------ names the server gives

    @Override
    protected Table canonical(Table table) {
        Table canonical = super.canonical(table);
        // A unique index is a unique key here, reported as such: one kind for both.
        List<UniqueConstraint> uniques = new ArrayList<>(canonical.uniqueConstraints());
        List<Index> indexes = new ArrayList<>();
        for (Index index : canonical.indexes()) {
            if (index.unique()) {
                uniques.add(new UniqueConstraint(index.name(), index.columns()));
            } else {
                indexes.add(index);
            }
        }
        Set<String> used = new HashSet<>();
        indexes.forEach(index -> used.add(index.name()));
        uniques.stream().map(UniqueConstraint::name).filter(java.util.Objects::nonNull).forEach(used::add);
        List<UniqueConstraint> named = new ArrayList<>();
        for (UniqueConstraint unique : uniques) {
            named.add(unique.name() != null ? unique
                    : new UniqueConstraint(freeName(unique.columns().get(0), used), unique.columns()));
        }
        // A foreign key needs an index that starts with its columns; the server creates one, named after the key or
        // its first column, when none does.
        for (int i = 0; i < canonical.foreignKeys().size(); i++) {
            ForeignKey key = canonical.foreignKeys().get(i);
            boolean covered = startsWith(canonical.primaryKey() == null ? List.of() : canonical.primaryKey().columns(),
                    key.columns()) || indexes.stream().anyMatch(index -> startsWith(index.columns(), key.columns()))
                    || named.stream().anyMatch(unique -> startsWith(unique.columns(), key.columns()));
            if (!covered) {
                boolean keyNamed = table.foreignKeys().get(i).name() != null;
                indexes.add(new Index(keyNamed ? key.name() : freeName(key.columns().get(0), used), key.columns(), false));
                used.add(key.name());
            }
        }
        return new Table(canonical.name(), canonical.kind(), canonical.columns(), canonical.primaryKey(),
                canonical.foreignKeys(), named, indexes, canonical.checks(), canonical.managed(),
                canonical.definition(), canonical.options());
    }

    private static boolean startsWith(List<String> columns, List<String> prefix) {
        return columns.size() >= prefix.size() && columns.subList(0, prefix.size()).equals(prefix);
    }

    private static String freeName(String base, Set<String> used) {
        String name = base;
        for (int n = 2; used.contains(name); n++) {
            name = base + "_" + n;
        }
        used.add(name);
        return name;
    }

    @Override
    protected PrimaryKey canonicalPrimaryKey(Table table) {
        PrimaryKey key = table.primaryKey();
        return key == null ? null : new PrimaryKey(null, key.columns());
    }

    @Override
    protected List<ForeignKey> canonicalForeignKeys(Table table) {
        List<ForeignKey> keys = new ArrayList<>();
        int n = 0;
        for (ForeignKey key : table.foreignKeys()) {
            n++;
            keys.add(key.name() != null ? key : new ForeignKey(table.name() + "_ibfk_" + n, key.columns(),
                    key.referredTable(), key.referredColumns(), key.onDelete(), key.onUpdate()));
        }
        return keys;
    }

    @Override
    protected List<CheckConstraint> canonicalChecks(Table table) {
        List<CheckConstraint> checks = new ArrayList<>();
        int n = 0;
        for (CheckConstraint check : table.checks()) {
            checks.add(check.name() != null ? check : new CheckConstraint("CONSTRAINT_" + ++n, check.expression()));
        }
        return checks;
    }

    // ------------------------------------------------------------------ rendering

    @Override
    protected boolean supports(Operation operation, Table current) {
        return !(operation instanceof RebuildTable);
    }

    @Override
    protected List<String> render(Operation operation) {
        if (operation instanceof AddColumn op) {
            // AUTO_INCREMENT needs a key: the primary key added with it puts it back (TableComparator)
            return List.of("ALTER TABLE " + name(op.table()) + " ADD COLUMN "
                    + columnDefinition(op.column().withAutoincrement(false), false));
        } else if (operation instanceof CreateIndex op) {
            return List.of(createIndexFromColumns(op.table(), op.index()));
        } else if (operation instanceof DropIndex op) {
            return List.of("DROP INDEX " + name(op.index().name()) + " ON " + name(op.table()));
        } else if (operation instanceof DropUniqueConstraint op) {
            return List.of("ALTER TABLE " + name(op.table()) + " DROP INDEX "
                    + name(required(op.constraint().name(), "unique constraint", op.table())));
        } else if (operation instanceof DropForeignKey op) {
            return List.of("ALTER TABLE " + name(op.table()) + " DROP FOREIGN KEY "
                    + name(required(op.foreignKey().name(), "foreign key", op.table())));
        } else if (operation instanceof DropCheckConstraint op) {
            return List.of("ALTER TABLE " + name(op.table()) + " DROP CONSTRAINT "
                    + name(required(op.check().name(), "check constraint", op.table())));
        }
        return super.render(operation);
    }

    /** The indexes go inside CREATE TABLE, before the foreign keys that use them. */
    @Override
    protected List<String> createTable(Table table) {
        return createTable(table, table.name());
    }

    @Override
    protected List<String> createTable(Table table, String tableName) {
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            parts.add(columnDefinition(column, isPrimaryKey(table, column)));
        }
        if (table.primaryKey() != null && !table.primaryKey().columns().isEmpty()) {
            parts.add("PRIMARY KEY (" + names(table.primaryKey().columns()) + ")");
        }
        table.uniqueConstraints().forEach(unique -> parts.add(unique(unique)));
        table.indexes().forEach(index -> parts.add((index.unique() ? "UNIQUE KEY " : "KEY ") + name(index.name()) + " ("
                + String.join(", ", index.columns().stream().map(this::indexElement).toList()) + ")"));
        table.foreignKeys().forEach(foreignKey -> parts.add(foreignKey(foreignKey)));
        table.checks().forEach(check -> parts.add(check(check)));
        return List.of("CREATE TABLE " + name(tableName) + " (\n    " + String.join(",\n    ", parts) + "\n)"
                + (table.options() == null ? "" : " " + table.options()));
    }

    @Override
    protected String columnDefinition(Column column, boolean primaryKey) {
        StringBuilder sql = new StringBuilder(name(column.name())).append(' ').append(typeSql(column.type()));
        if (!column.nullable() || primaryKey) {
            sql.append(" NOT NULL");
        } else if (column.type().generic() == GenericType.TIMESTAMP_WITH_TIME_ZONE) {
            // without it, an older server's first TIMESTAMP column is NOT NULL with an implicit default
            sql.append(" NULL");
        }
        if (column.autoincrement() && isIntegerLike(column.type())) {
            sql.append(" AUTO_INCREMENT");
        } else if (column.serverDefault() != null) {
            sql.append(" DEFAULT ").append(defaultSql(column.serverDefault()));
        }
        return sql.toString();
    }

    @Override
    protected String autoincrementClause(Column column) {
        return column.autoincrement() && isIntegerLike(column.type()) ? "AUTO_INCREMENT" : "";
    }

    /** One {@code MODIFY COLUMN} with the whole new definition: MariaDB has no per-attribute ALTER for type or NULL. */
    @Override
    protected List<String> alterColumn(AlterColumn op) {
        return List.of("ALTER TABLE " + name(op.table()) + " MODIFY COLUMN " + columnDefinition(op.to(), false));
    }

    @Override
    protected List<String> rebuild(RebuildTable op) {
        throw new UnsupportedOperationException("MariaDB alters tables in place; a table rebuild is for SQLite");
    }

    static boolean isReservedHere(String identifier) {
        return MYSQL_RESERVED.contains(identifier.toLowerCase(Locale.ROOT));
    }

    /** MariaDB's reserved words that the shared list lacks: always quoted. */
    private static final Set<String> MYSQL_RESERVED = Set.of(("key keys range rank status condition div int integer "
            + "interval read write usage mod match option position signal sql long").split(" "));
}
