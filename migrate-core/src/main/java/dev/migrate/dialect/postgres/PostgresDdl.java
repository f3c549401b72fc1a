package dev.migrate.dialect.postgres;

import dev.migrate.dialect.Ddl;
import dev.migrate.dialect.Dialect;
import dev.migrate.op.AlterColumn;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL DDL: every operation has its ALTER; identity columns; the names PostgreSQL gives constraints. */
public class PostgresDdl extends Ddl {

    /** A cast of a string literal ({@code 'x'::character varying}, {@code '{}'::text[]}), as pg_dump writes defaults. */
    private static final Pattern LITERAL_CAST = Pattern.compile("('(?:[^']|'')*')::(?:character varying|double precision"
            + "|(?:timestamp|time) with(?:out)? time zone|bit varying|\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_.]*)"
            + "(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?:\\[\\])*");
    /** A string literal alone in parentheses, not a function's argument ({@code ('now')}, not {@code nextval('s')}). */
    private static final Pattern PARENTHESISED_LITERAL = Pattern.compile("(?<![A-Za-z0-9_$])\\(\\s*('(?:[^']|'')*')\\s*\\)");

    protected PostgresDdl(Dialect dialect) {
        super(dialect);
    }

    /**
     * A model's default written as the database shows it ({@code ('now'::text)::date}, {@code '{}'::text[]}) compares
     * equal to the reflected one, whose literal casts reflection strips: the same stripping here.
     */
    @Override
    protected String canonicalDefault(String expression, ColumnType type) {
        if (expression == null) {
            return null;
        }
        String value = expression.strip();
        String before;
        do {
            before = value;
            value = LITERAL_CAST.matcher(value).replaceAll("$1");
            value = PARENTHESISED_LITERAL.matcher(value).replaceAll("$1");
        } while (!value.equals(before));
        return super.canonicalDefault(value, type);
    }

    @Override
    protected String typeSql(ColumnType type) {
        return switch (type.generic()) {
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case BOOLEAN -> "boolean";
            case DECIMAL -> type.precision() == null ? "numeric"
                    : "numeric(" + type.precision() + (type.scale() == null ? "" : ", " + type.scale()) + ")";
            case REAL -> "real";
            case DOUBLE -> "double precision";
            case VARCHAR -> type.length() == null ? "varchar" : "varchar(" + type.length() + ")";
            case CHAR -> "char(" + (type.length() == null ? 1 : type.length()) + ")";
            case TEXT -> "text";
            case DATE -> "date";
            case TIME -> "time";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_WITH_TIME_ZONE -> "timestamptz";
            case BINARY -> "bytea";
            case UUID -> "uuid";
            case JSON -> "json";
            case OTHER -> type.raw();
        };
    }

    @Override
    protected ColumnType canonical(ColumnType type) {
        return switch (type.generic()) {
            // char without a length is char(1); numeric(p) is numeric(p, 0); bytea has no length.
            case CHAR -> type.length() == null ? new ColumnType(GenericType.CHAR, 1, null, null, null) : type;
            case DECIMAL -> type.precision() != null && type.scale() == null
                    ? ColumnType.decimal(type.precision(), 0) : type;
            case BINARY, TEXT, SMALLINT, INTEGER, BIGINT, BOOLEAN, REAL, DOUBLE, DATE, TIME, TIMESTAMP,
                 TIMESTAMP_WITH_TIME_ZONE, UUID, JSON -> ColumnType.of(type.generic());
            case VARCHAR, OTHER -> type;
        };
    }

    @Override
    protected Column canonical(Column column) {
        Column canonical = super.canonical(column);
        // Identity columns report no default.
        return canonical.autoincrement() ? canonical.withServerDefault(null) : canonical;
    }

    @Override
    protected PrimaryKey canonicalPrimaryKey(Table table) {
        PrimaryKey key = table.primaryKey();
        return key == null || key.name() != null ? key : new PrimaryKey(table.name() + "_pkey", key.columns());
    }

    @Override
    protected List<UniqueConstraint> canonicalUniques(Table table) {
        return table.uniqueConstraints().stream().map(unique -> unique.name() != null ? unique
                : new UniqueConstraint(table.name() + "_" + String.join("_", unique.columns()) + "_key",
                        unique.columns())).toList();
    }

    @Override
    protected List<ForeignKey> canonicalForeignKeys(Table table) {
        return table.foreignKeys().stream().map(key -> key.name() != null ? key
                : new ForeignKey(table.name() + "_" + String.join("_", key.columns()) + "_fkey", key.columns(),
                        key.referredTable(), key.referredColumns(), key.onDelete(), key.onUpdate())).toList();
    }

    private static final Pattern STRING_LITERAL = Pattern.compile("'([^']|'')*'");
    private static final Pattern WORD = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)");

    /**
     * PostgreSQL's names for unnamed checks: {@code <table>_<column>_check} when the expression reads exactly
     * one column, else {@code <table>_check}, numbered on a clash. Unnamed, a check could only be matched by
     * its expression, which PostgreSQL rewrites ({@code x IN ('a', 'b')} is read back as
     * {@code x::text = ANY (ARRAY[...])}): every such check would be reported as changed.
     */
    @Override
    protected List<CheckConstraint> canonicalChecks(Table table) {
        Set<String> used = new HashSet<>();
        table.checks().stream().map(CheckConstraint::name).filter(java.util.Objects::nonNull).forEach(used::add);
        List<CheckConstraint> checks = new ArrayList<>();
        for (CheckConstraint check : table.checks()) {
            if (check.name() != null) {
                checks.add(check);
                continue;
            }
            Set<String> columns = referencedColumns(table, check.expression());
            String base = table.name() + "_" + (columns.size() == 1 ? columns.iterator().next() + "_" : "") + "check";
            String name = base;
            for (int n = 1; used.contains(name); n++) {
                name = base + n;
            }
            used.add(name);
            checks.add(new CheckConstraint(name, check.expression()));
        }
        return checks;
    }

    private static Set<String> referencedColumns(Table table, String expression) {
        Set<String> columns = new LinkedHashSet<>();
        Matcher words = WORD.matcher(STRING_LITERAL.matcher(expression).replaceAll("''"));
        while (words.find()) {
            String word = words.group(1) != null ? words.group(1).replace("\"\"", "\"")
                    : words.group(2).toLowerCase(Locale.ROOT);
            if (table.column(word).isPresent()) {
                columns.add(word);
            }
        }
        return columns;
    }

    @Override
    protected boolean supports(Operation operation, Table current) {
        return !(operation instanceof RebuildTable);
    }

    @Override
    protected String autoincrementClause(Column column) {
        if (column.autoincrement() && column.defaultDefinition() != null) {
            // a reflected identity keeps its own clause; a serial column's default is its owned sequence's nextval
            return isIdentityClause(column.defaultDefinition()) ? column.defaultDefinition() : "";
        }
        return column.autoincrement() && isIntegerType(column.type()) ? "GENERATED BY DEFAULT AS IDENTITY" : "";
    }

    @Override
    protected List<String> alterColumn(AlterColumn op) {
        String prefix = "ALTER TABLE " + name(op.table()) + " ALTER COLUMN " + name(op.to().name()) + " ";
        List<String> statements = new ArrayList<>();
        boolean defaultDropped = false;
        if (op.typeChanged()) {
            if (op.from().serverDefault() != null) {
                // The old default may not cast to the new type; it is set again below.
                statements.add(prefix + "DROP DEFAULT");
                defaultDropped = true;
            }
            String type = typeSql(op.to().type());
            statements.add(prefix + "TYPE " + type + " USING " + name(op.to().name()) + "::" + type);
        }
        if (op.to().serverDefault() != null && (defaultDropped || op.defaultChanged())) {
            statements.add(prefix + "SET DEFAULT " + defaultSql(op.to()));
        } else if (op.to().serverDefault() == null && op.defaultChanged() && !defaultDropped) {
            statements.add(prefix + "DROP DEFAULT");
        }
        if (op.nullableChanged()) {
            statements.add(prefix + (op.to().nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        return statements;
    }

    @Override
    protected List<String> rebuild(RebuildTable op) {
        throw new UnsupportedOperationException("PostgreSQL alters tables in place; a table rebuild is for SQLite");
    }

    @Override
    protected String indexMethod(Index index) {
        return index.method() == null ? "" : " USING " + index.method();
    }

    @Override
    protected String indexInclude(Index index) {
        return index.include().isEmpty() ? "" : " INCLUDE (" + names(index.include()) + ")";
    }

    @Override
    protected List<Index> canonicalIndexes(Table table) {
        return table.indexes();
    }
}
