package dev.migrate.dialect.h2;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.postgres.PostgresDdl;
import dev.migrate.op.AlterColumn;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Index;
import dev.migrate.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * H2 2.x DDL: PostgreSQL's (identity columns, every ALTER in place, constraints given PostgreSQL's names so that H2
 * does not generate its own), with H2's type names and its standard {@code ALTER COLUMN ... SET DATA TYPE}.
 */
public final class H2Ddl extends PostgresDdl {

    H2Ddl(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String typeSql(ColumnType type) {
        return switch (type.generic()) {
            case DECIMAL -> type.precision() == null ? "numeric"
                    : "numeric(" + type.precision() + (type.scale() == null ? "" : ", " + type.scale()) + ")";
            case TEXT -> "clob";
            case TIMESTAMP_WITH_TIME_ZONE -> "timestamp with time zone";
            case BINARY -> "varbinary";
            default -> super.typeSql(type);
        };
    }

    /**
     * PostgreSQL's canonical types; a type the engine does not know as {@code INFORMATION_SCHEMA} spells it: upper case
     * outside quotes, no blanks around its parentheses and commas ({@code enum ('A', 'B')} is {@code ENUM('A','B')},
     * the way Hibernate's H2 dialect writes a Java enum column).
     */
    @Override
    protected ColumnType canonical(ColumnType type) {
        return type.generic() == GenericType.OTHER
                ? ColumnType.other(TYPE_NAME_BLANK.matcher(compactRaw(type.raw(), true)).replaceFirst("$1("))
                : super.canonical(type);
    }

    private static final Pattern TYPE_NAME_BLANK = Pattern.compile("^([A-Z ]*[A-Z]) \\(");

    /** One statement per attribute; {@code SET DATA TYPE} keeps the default and NOT NULL, unlike H2's bare form. */
    @Override
    protected List<String> alterColumn(AlterColumn op) {
        String prefix = "ALTER TABLE " + name(op.table()) + " ALTER COLUMN " + name(op.to().name()) + " ";
        List<String> statements = new ArrayList<>();
        if (op.typeChanged()) {
            statements.add(prefix + "SET DATA TYPE " + typeSql(op.to().type()));
        }
        if (op.defaultChanged()) {
            statements.add(prefix + (op.to().serverDefault() == null ? "DROP DEFAULT" : "SET DEFAULT " + defaultSql(op.to())));
        }
        if (op.nullableChanged()) {
            statements.add(prefix + (op.to().nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        return statements;
    }

    @Override
    protected String indexMethod(Index index) {
        return "";
    }

    @Override
    protected String indexInclude(Index index) {
        return "";
    }

    @Override
    protected List<Index> canonicalIndexes(Table table) {
        return withoutMethodOrInclude(table);
    }
}
