package dev.migrate.autogenerate;

import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.schema.TableBuilder;

import java.util.List;

/** The seeds' shop, as the models describe it and as tests change it. */
final class Schemas {

    static final ColumnType INT = ColumnType.of(GenericType.INTEGER);
    static final ColumnType TEXT = ColumnType.of(GenericType.TEXT);

    private Schemas() {
    }

    static Column col(String name, ColumnType type) {
        return Column.of(name, type);
    }

    static Column id() {
        return Column.of("id", INT).notNull().withAutoincrement(true);
    }

    static TableBuilder stores() {
        return Table.builder("stores").column(id()).column(col("name", ColumnType.varchar(80)).notNull())
                .primaryKey("pk_stores", "id");
    }

    static TableBuilder items() {
        return Table.builder("items").column(id()).column(col("name", ColumnType.varchar(80)).notNull())
                .column(col("price", ColumnType.decimal(10, 2)))
                .column(col("store_id", INT).notNull())
                .primaryKey("pk_items", "id")
                .foreignKey(new ForeignKey("fk_items_store_id_stores", List.of("store_id"), "stores", List.of("id"),
                        ReferentialAction.CASCADE, null));
    }

    static Schema of(TableBuilder... tables) {
        return Schema.of(java.util.Arrays.stream(tables).map(TableBuilder::build).toList());
    }
}
