package dev.migrate.bench;

import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Index;
import dev.migrate.schema.Table;
import dev.migrate.schema.TableBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * The autogenerate schema: N tables of 15 columns, a primary key, a foreign key to the previous table (the
 * first to itself), and three indexes (one unique, one on two columns); written both as PostgreSQL DDL and as
 * {@link Table#builder} models, from the same list of columns, so that the models describe the tables exactly.
 */
final class WideSchema {

    /** A column: its name, its SQL type, its model type, NOT NULL or not. */
    private record Col(String name, String sql, ColumnType type, boolean notNull) {
    }

    private static final List<Col> COLUMNS = List.of(
            new Col("id", "BIGINT", ColumnType.of(GenericType.BIGINT), true),
            new Col("parent_id", "BIGINT", ColumnType.of(GenericType.BIGINT), false),
            new Col("name", "VARCHAR(100)", ColumnType.varchar(100), true),
            new Col("code", "CHAR(8)", new ColumnType(GenericType.CHAR, 8, null, null, null), false),
            new Col("body", "TEXT", ColumnType.of(GenericType.TEXT), false),
            new Col("qty", "INTEGER", ColumnType.of(GenericType.INTEGER), true),
            new Col("rank", "SMALLINT", ColumnType.of(GenericType.SMALLINT), false),
            new Col("active", "BOOLEAN", ColumnType.of(GenericType.BOOLEAN), true),
            new Col("price", "NUMERIC(10, 2)", ColumnType.decimal(10, 2), false),
            new Col("ratio", "REAL", ColumnType.of(GenericType.REAL), false),
            new Col("score", "DOUBLE PRECISION", ColumnType.of(GenericType.DOUBLE), false),
            new Col("born_on", "DATE", ColumnType.of(GenericType.DATE), false),
            new Col("created_at", "TIMESTAMP", ColumnType.of(GenericType.TIMESTAMP), true),
            new Col("updated_at", "TIMESTAMP WITH TIME ZONE", ColumnType.of(GenericType.TIMESTAMP_WITH_TIME_ZONE), false),
            new Col("token", "UUID", ColumnType.of(GenericType.UUID), false));

    private WideSchema() {
    }

    static String table(int i) {
        return String.format("w_%04d", i);
    }

    private static String parent(int i) {
        return table(i == 0 ? 0 : i - 1);
    }

    /** The DDL of table {@code i}: CREATE TABLE with its constraints, then its indexes. */
    static List<String> ddl(int i) {
        String t = table(i);
        StringBuilder create = new StringBuilder("CREATE TABLE ").append(t).append(" (");
        for (Col c : COLUMNS) {
            create.append(c.name()).append(' ').append(c.sql()).append(c.notNull() ? " NOT NULL" : "").append(", ");
        }
        create.append("CONSTRAINT pk_").append(t).append(" PRIMARY KEY (id), ")
                .append("CONSTRAINT fk_").append(t).append("_parent FOREIGN KEY (parent_id) REFERENCES ")
                .append(parent(i)).append(" (id))");
        return List.of(create.toString(),
                "CREATE INDEX ix_" + t + "_parent ON " + t + " (parent_id)",
                "CREATE UNIQUE INDEX ux_" + t + "_name ON " + t + " (name)",
                "CREATE INDEX ix_" + t + "_born_qty ON " + t + " (born_on, qty)");
    }

    static List<String> ddl(int from, int to) {
        List<String> statements = new ArrayList<>();
        for (int i = from; i < to; i++) {
            statements.addAll(ddl(i));
        }
        return statements;
    }

    /** The same table as a model. */
    static Table model(int i) {
        String t = table(i);
        TableBuilder builder = Table.builder(t);
        for (Col c : COLUMNS) {
            Column column = Column.of(c.name(), c.type());
            builder.column(c.notNull() ? column.notNull() : column);
        }
        return builder.primaryKey("pk_" + t, "id")
                .foreignKey(new ForeignKey("fk_" + t + "_parent", List.of("parent_id"), parent(i), List.of("id"), null, null))
                .index(new Index("ix_" + t + "_parent", List.of("parent_id"), false))
                .index(new Index("ux_" + t + "_name", List.of("name"), true))
                .index(new Index("ix_" + t + "_born_qty", List.of("born_on", "qty"), false))
                .build();
    }

    static List<Table> models(int count) {
        List<Table> tables = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tables.add(model(i));
        }
        return tables;
    }
}
