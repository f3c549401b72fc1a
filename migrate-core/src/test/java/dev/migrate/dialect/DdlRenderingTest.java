package dev.migrate.dialect;

import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.dialect.sqlite.SqliteDialect;
import dev.migrate.op.AddColumn;
import dev.migrate.op.AlterColumn;
import dev.migrate.op.CreateIndex;
import dev.migrate.op.CreateTable;
import dev.migrate.op.DropColumn;
import dev.migrate.op.RenameColumn;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Index;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Types, canonical forms, support and DDL per dialect. */
class DdlRenderingTest {

    private final Dialect sqlite = new SqliteDialect();
    private final Dialect postgres = new PostgresDialect();

    private static ColumnType type(GenericType generic) {
        return ColumnType.of(generic);
    }

    @Test
    void typesPerDialect() {
        assertThat(postgres.typeSql(ColumnType.varchar(80))).isEqualTo("varchar(80)");
        assertThat(postgres.typeSql(ColumnType.varchar(null))).isEqualTo("varchar");
        assertThat(postgres.typeSql(ColumnType.decimal(10, 2))).isEqualTo("numeric(10, 2)");
        assertThat(postgres.typeSql(type(GenericType.DOUBLE))).isEqualTo("double precision");
        assertThat(postgres.typeSql(type(GenericType.TIMESTAMP_WITH_TIME_ZONE))).isEqualTo("timestamptz");
        assertThat(postgres.typeSql(type(GenericType.BINARY))).isEqualTo("bytea");
        assertThat(postgres.typeSql(type(GenericType.JSON))).isEqualTo("json");
        assertThat(postgres.typeSql(ColumnType.other("jsonb"))).isEqualTo("jsonb");
        assertThat(sqlite.typeSql(ColumnType.decimal(10, 2))).isEqualTo("NUMERIC(10, 2)");
        assertThat(sqlite.typeSql(type(GenericType.BOOLEAN))).isEqualTo("BOOLEAN");
        assertThat(sqlite.typeSql(type(GenericType.BINARY))).isEqualTo("BLOB");
        assertThat(sqlite.typeSql(ColumnType.other("CITEXT"))).isEqualTo("CITEXT");
    }

    @Test
    void sqliteTimeTypesAreCanonicalWithoutThePrecisionItsDdlDoesNotWrite() {
        // typeSql writes TIME and TIMESTAMP without a precision, so a model's (Hibernate's time(0)) is not kept either:
        // otherwise a TIME(0) model never equals the TIME column created from it
        ColumnType time0 = new ColumnType(GenericType.TIME, null, 0, null, null);
        assertThat(sqlite.typeSql(time0)).isEqualTo("TIME");
        assertThat(sqlite.canonical(time0)).isEqualTo(type(GenericType.TIME));
        assertThat(sqlite.canonical(new ColumnType(GenericType.TIMESTAMP, null, 6, null, null)))
                .isEqualTo(type(GenericType.TIMESTAMP));
        assertThat(sqlite.canonical(new ColumnType(GenericType.TIMESTAMP_WITH_TIME_ZONE, null, 6, null, null)))
                .isEqualTo(type(GenericType.TIMESTAMP_WITH_TIME_ZONE));
    }

    @Test
    void canonicalForms() {
        assertThat(postgres.canonical(type(GenericType.CHAR))).isEqualTo(new ColumnType(GenericType.CHAR, 1, null, null, null));
        assertThat(postgres.canonical(ColumnType.decimal(8, null))).isEqualTo(ColumnType.decimal(8, 0));
        assertThat(sqlite.canonical(ColumnType.decimal(8, null))).isEqualTo(ColumnType.decimal(8, null));
        assertThat(postgres.canonicalDefault("('x')", type(GenericType.TEXT))).isEqualTo("'x'");
        assertThat(postgres.canonicalDefault("'5'", type(GenericType.INTEGER))).isEqualTo("5");
        assertThat(sqlite.canonicalDefault("1", type(GenericType.BOOLEAN))).isEqualTo("true");
        assertThat(sqlite.canonicalDefault("(current_timestamp)", type(GenericType.TIMESTAMP))).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(sqlite.canonicalDefault("NULL", type(GenericType.TEXT))).isNull();

        Table table = Table.builder("t").column(Column.of("id", type(GenericType.BIGINT)).withAutoincrement(true))
                .column(Column.of("n", type(GenericType.BIGINT)).withAutoincrement(true)).primaryKey(null, "id")
                .unique(new UniqueConstraint(null, List.of("n"))).build();
        Table onSqlite = sqlite.canonical(table);
        assertThat(onSqlite.columns().get(0)).isEqualTo(new Column("id", type(GenericType.INTEGER), false, null, true));
        assertThat(onSqlite.columns().get(1).autoincrement()).isFalse();
        Table onPostgres = postgres.canonical(table);
        assertThat(onPostgres.columns().get(0)).isEqualTo(new Column("id", type(GenericType.BIGINT), false, null, true));
        assertThat(onPostgres.primaryKey().name()).isEqualTo("t_pkey");
        assertThat(onPostgres.uniqueConstraints().get(0).name()).isEqualTo("t_n_key");
    }

    @Test
    void createTableWithIdentityOrRowidAndNamedConstraints() {
        Table table = Table.builder("Order Items").column(Column.of("id", type(GenericType.BIGINT)).withAutoincrement(true))
                .column(Column.of("note", type(GenericType.TEXT)).withServerDefault("lower('X')"))
                .primaryKey("pk_order_items", "id").index(new Index("ix_note", List.of("lower(note)"), false)).build();
        assertThat(postgres.render(new CreateTable(table))).containsExactly("""
                CREATE TABLE "Order Items" (
                    id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                    note text DEFAULT (lower('X')),
                    CONSTRAINT pk_order_items PRIMARY KEY (id)
                )""", "CREATE INDEX ix_note ON \"Order Items\" (lower(note))");
        assertThat(sqlite.render(new CreateTable(table))).containsExactly("""
                CREATE TABLE "Order Items" (
                    id INTEGER NOT NULL,
                    note TEXT DEFAULT (lower('X')),
                    CONSTRAINT pk_order_items PRIMARY KEY (id)
                )""", "CREATE INDEX ix_note ON \"Order Items\" (lower(note))");
        assertThat(postgres.render(new CreateIndex("t", new Index("ix_note", List.of("lower(note)"), true))))
                .containsExactly("CREATE UNIQUE INDEX ix_note ON t (lower(note))");
    }

    @Test
    void postgresAltersColumnsInPlace() {
        Column from = Column.of("price", ColumnType.varchar(10)).withServerDefault("'0'");
        Column to = Column.of("price", ColumnType.decimal(10, 2)).notNull().withServerDefault("0");
        assertThat(postgres.render(new AlterColumn("items", from, to))).containsExactly(
                "ALTER TABLE items ALTER COLUMN price DROP DEFAULT",
                "ALTER TABLE items ALTER COLUMN price TYPE numeric(10, 2) USING price::numeric(10, 2)",
                "ALTER TABLE items ALTER COLUMN price SET DEFAULT 0",
                "ALTER TABLE items ALTER COLUMN price SET NOT NULL");
        assertThat(postgres.render(new RenameColumn("items", "a", "b"))).containsExactly("ALTER TABLE items RENAME COLUMN a TO b");
    }

    @Test
    void sqliteSupportsWhatItsAlterTableCanDo() {
        Table items = Table.builder("items").column(Column.of("id", type(GenericType.INTEGER)))
                .column(Column.of("sku", type(GenericType.TEXT))).column(Column.of("note", type(GenericType.TEXT)))
                .primaryKey(null, "id").index(new Index("ix_sku", List.of("sku"), false)).build();
        Column notNull = Column.of("c", type(GenericType.TEXT)).notNull();
        assertThat(sqlite.supports(new AddColumn("items", notNull))).isFalse();
        assertThat(sqlite.supports(new AddColumn("items", notNull.withServerDefault("'x'")))).isTrue();
        assertThat(sqlite.supports(new AddColumn("items", Column.of("t", type(GenericType.TIMESTAMP))
                .withServerDefault("CURRENT_TIMESTAMP")))).isFalse();
        assertThat(sqlite.supports(new DropColumn("items", items.columns().get(2)), items)).isTrue();
        assertThat(sqlite.supports(new DropColumn("items", items.columns().get(1)), items)).isFalse();
        assertThat(sqlite.supports(new DropColumn("items", items.columns().get(0)), items)).isFalse();
        AlterColumn alter = new AlterColumn("items", items.columns().get(2), items.columns().get(2).notNull());
        assertThat(sqlite.supports(alter)).isFalse();
        assertThat(postgres.supports(alter)).isTrue();
        assertThatThrownBy(() -> sqlite.render(alter)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("needs a table rebuild");
    }
}
