package dev.migrate.autogenerate;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.dialect.sqlite.SqliteDialect;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Index;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;
import dev.migrate.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.migrate.autogenerate.Schemas.INT;
import static dev.migrate.autogenerate.Schemas.TEXT;
import static dev.migrate.autogenerate.Schemas.col;
import static dev.migrate.autogenerate.Schemas.items;
import static dev.migrate.autogenerate.Schemas.of;
import static dev.migrate.autogenerate.Schemas.stores;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rendered scripts executed on real databases: the upgrade of a diff runs, its downgrade runs, and the
 * database is as it was (compared by its catalog text).
 */
class RoundTripTest {

    @TempDir
    Path tmp;

    /** Start: stores and items. Models: a new table, new, changed and dropped columns, index, unique, check. */
    private static Schema start() {
        return of(stores().column(col("old_note", TEXT)), items());
    }

    private static Schema models() {
        return of(stores().column(col("city", ColumnType.varchar(60)).notNull().withServerDefault("'Paris'"))
                        .unique(new UniqueConstraint("uq_stores_name", List.of("name")))
                        .index(new Index("ix_stores_city", List.of("city"), false)),
                items().column(col("description", TEXT)).check(new CheckConstraint("ck_items_price", "price >= 0")),
                Table.builder("tags").column(Schemas.id()).column(col("label", ColumnType.varchar(30)).notNull())
                        .column(col("active", ColumnType.of(GenericType.BOOLEAN)).notNull().withServerDefault("TRUE"))
                        .primaryKey("pk_tags", "id"));
    }

    @Test
    void sqliteUpgradeThenDowngradeRestoresTheSchema() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("rt.db"))) {
            roundTrip(new SqliteDialect(), connection, () -> sqliteCatalog(connection));
        }
    }

    @Test
    void postgresUpgradeThenDowngradeRestoresTheSchema() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password())) {
            roundTrip(new PostgresDialect(), connection, () -> postgresCatalog(connection));
        }
    }

    interface Catalog {
        List<String> read() throws SQLException;
    }

    private void roundTrip(Dialect dialect, Connection connection, Catalog catalog) throws Exception {
        Schema empty = Schema.of(List.of());
        Changes create = Autogenerate.compare(start(), empty, dialect, CompareOptions.defaults());
        run(connection, create.upgradeSql());
        execute(connection, "INSERT INTO stores (name, old_note) VALUES ('Main', 'n'), ('Second', null)");
        execute(connection, "INSERT INTO items (name, price, store_id) VALUES ('pen', 1.50, 1), ('ink', 3, 2)");
        List<String> before = catalog.read();

        // The database as reflection would report the start schema.
        Schema reflected = Schema.of(start().tables().stream().map(dialect::canonical).toList());
        Changes diff = Autogenerate.compare(models(), reflected, dialect, CompareOptions.builder()
                .tablesWithRows(Set.of("stores", "items")).build());
        assertThat(diff.descriptions()).contains("Detected added table 'tags'", "Detected added column 'stores.city'",
                "Detected removed column 'stores.old_note'", "Detected added column 'items.description'");
        run(connection, diff.upgradeSql());
        assertThat(catalog.read()).isNotEqualTo(before);
        assertThat(query(connection, "SELECT city FROM stores ORDER BY id")).containsExactly("Paris", "Paris");
        assertThat(query(connection, "SELECT count(*) FROM items")).containsExactly("2");

        run(connection, diff.downgradeSql());
        assertThat(catalog.read()).isEqualTo(before);
        assertThat(query(connection, "SELECT name FROM stores ORDER BY id")).containsExactly("Main", "Second");
        assertThat(query(connection, "SELECT count(*) FROM items")).containsExactly("2");
    }

    /** Runs a section in one transaction, as the runner does. */
    static void run(Connection connection, String section) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : split(section)) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Statements end with ';' at the end of a line (a trigger body's inner ';' lines are kept together by END;). */
    static List<String> split(String section) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : section.split("\n")) {
            if (line.startsWith("--") || (line.isBlank() && current.isEmpty())) {
                continue;
            }
            current.append(line).append('\n');
            if (line.toUpperCase().startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            String trimmed = line.strip().toUpperCase();
            if (trimmed.endsWith(";") && (!inTrigger || trimmed.endsWith("END;"))) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
                inTrigger = false;
            }
        }
        return statements;
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static List<String> query(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** sqlite_master text, with the quotes a rename adds to the table name removed. */
    static List<String> sqliteCatalog(Connection connection) throws SQLException {
        return query(connection, "SELECT type || ' ' || name || ': ' || replace(COALESCE(sql, ''), '\"', '') "
                + "FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    }

    static List<String> postgresCatalog(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.addAll(query(connection, "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || "
                + "COALESCE('(' || character_maximum_length || ')', '') || ' ' || is_nullable || ' ' || "
                + "COALESCE(column_default, '') || ' ' || is_identity FROM information_schema.columns "
                + "WHERE table_schema = 'public'"));
        lines.addAll(query(connection, "SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || "
                + "pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace"));
        lines.addAll(query(connection, "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'"));
        lines.sort(null);
        return lines;
    }
}
