package dev.migrate.reflect;

import dev.migrate.dialect.Dialects;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;
import dev.migrate.testsupport.MariaDbServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.migrate.schema.ReferentialAction.CASCADE;
import static dev.migrate.schema.ReferentialAction.NO_ACTION;
import static org.assertj.core.api.Assertions.assertThat;

/** Reflection from MariaDB's {@code information_schema} on the suite's MariaDB server: six queries, canonical forms. */
class MariaDbSchemaReaderTest extends SchemaReaderContract {

    private final MariaDbServer server = MariaDbServer.shared();

    @Override
    Connection fresh(String script) throws SQLException {
        Connection connection = server.connect(server.createDatabase());
        try (Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\n")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        return connection;
    }

    @Override
    String autoincrementKey() {
        return "INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY";
    }

    @Override
    int queriesPerRead() {
        return 6;
    }

    @Test
    void readsTypesDefaultsKeysChecksTriggersAndViewsInCanonicalForm() throws SQLException {
        try (Connection connection = fresh("""
                CREATE TABLE a (id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) UNIQUE, code CHAR(3),
                    flag BOOLEAN NOT NULL DEFAULT TRUE, n DECIMAL(10,2) DEFAULT '1.50', t TEXT,
                    ts TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, dt DATETIME(3) DEFAULT now(3),
                    s VARCHAR(10) DEFAULT 'x', e ENUM('a','b') NOT NULL DEFAULT 'a', u INT UNSIGNED, j JSON, b BLOB,
                    CONSTRAINT ck_n CHECK (n >= 0));
                CREATE TABLE b (id INT PRIMARY KEY, a_id INTEGER REFERENCES a (id), a2 INT,
                    CONSTRAINT fk_b_a2 FOREIGN KEY (a2) REFERENCES a (id) ON DELETE CASCADE, x INT, y INT,
                    UNIQUE (x, y), CHECK (x > y));
                CREATE INDEX ix_b ON b (y, x);
                CREATE TRIGGER trg BEFORE INSERT ON b FOR EACH ROW SET NEW.x = 1;
                CREATE VIEW v AS SELECT id FROM a;
                """)) {
            CountingConnection counting = new CountingConnection(connection);
            Schema schema = SchemaReader.forConnection(connection).read(counting.connection(), ReflectOptions.defaults());
            assertThat(counting.executions()).isEqualTo(6);

            Table a = schema.table("a").orElseThrow();
            assertThat(a.columns()).containsExactly(
                    new Column("id", t(GenericType.INTEGER), false, null, true),
                    col("name", ColumnType.varchar(20)),
                    col("code", new ColumnType(GenericType.CHAR, 3, null, null, null)),
                    new Column("flag", t(GenericType.BOOLEAN), false, "TRUE", false),
                    new Column("n", ColumnType.decimal(10, 2), true, "1.50", false),
                    col("t", t(GenericType.TEXT)),
                    new Column("ts", t(GenericType.TIMESTAMP_WITH_TIME_ZONE), true,
                            "CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP", false),
                    new Column("dt", new ColumnType(GenericType.TIMESTAMP, null, 3, null, null), true,
                            "CURRENT_TIMESTAMP(3)", false),
                    new Column("s", ColumnType.varchar(10), true, "'x'", false),
                    new Column("e", ColumnType.other("enum('a','b')"), false, "'a'", false),
                    col("u", ColumnType.other("int(10) unsigned")),
                    col("j", t(GenericType.JSON)),
                    col("b", t(GenericType.BINARY)));
            assertThat(a.primaryKey()).isEqualTo(new PrimaryKey(null, List.of("id")));
            assertThat(a.uniqueConstraints()).containsExactly(new UniqueConstraint("name", List.of("name")));
            assertThat(a.checks()).containsExactly(new CheckConstraint("ck_n", "n >= 0"));

            Table b = schema.table("b").orElseThrow();
            assertThat(b.foreignKeys()).containsExactly(
                    new ForeignKey("b_ibfk_1", List.of("a_id"), "a", List.of("id"), NO_ACTION, NO_ACTION),
                    new ForeignKey("fk_b_a2", List.of("a2"), "a", List.of("id"), CASCADE, NO_ACTION));
            assertThat(b.indexes()).containsExactly(new Index("a_id", List.of("a_id"), false),
                    new Index("fk_b_a2", List.of("a2"), false), new Index("ix_b", List.of("y", "x"), false));
            assertThat(b.uniqueConstraints()).containsExactly(new UniqueConstraint("x", List.of("x", "y")));
            assertThat(b.checks()).containsExactly(new CheckConstraint("CONSTRAINT_1", "x > y"));
            assertThat(schema.triggers()).containsExactly(new Schema.Trigger("trg", "b",
                    "CREATE TRIGGER `trg` BEFORE INSERT ON `b` FOR EACH ROW SET NEW.x = 1"));
            assertThat(schema.views()).containsExactly(new Schema.View("v",
                    "CREATE VIEW `v` AS select `a`.`id` AS `id` from `a`"));
        }
    }

    @Test
    void checksOfOneNameOnTwoTablesStayWithTheirTable() throws SQLException {
        // MariaDB names checks per table: both unnamed checks are CONSTRAINT_1, both JSON checks are named "data".
        try (Connection connection = fresh("""
                CREATE TABLE p (id INT PRIMARY KEY, data JSON, n INT, CHECK (n > 0));
                CREATE TABLE q (id INT PRIMARY KEY, data JSON, m INT, CHECK (m < 9));
                """)) {
            Schema schema = SchemaReader.forConnection(connection).read(connection, ReflectOptions.defaults());
            assertThat(schema.table("p").orElseThrow().checks()).containsExactly(new CheckConstraint("CONSTRAINT_1", "n > 0"));
            assertThat(schema.table("q").orElseThrow().checks()).containsExactly(new CheckConstraint("CONSTRAINT_1", "m < 9"));
            assertThat(schema.table("q").orElseThrow().column("data").orElseThrow().type()).isEqualTo(t(GenericType.JSON));
        }
    }

    @Test
    void mysqlConnectorJReadsTheSameSchema() throws SQLException {
        String database = server.createDatabase();
        try (Connection mariadb = server.connect(database); Statement statement = mariadb.createStatement()) {
            statement.execute("CREATE TABLE a (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, s VARCHAR(10) DEFAULT '', "
                    + "n DECIMAL(10,2) DEFAULT 1.50, ts TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, "
                    + "e ENUM('a','b') NOT NULL DEFAULT 'a', j JSON, CONSTRAINT ck_n CHECK (n >= 0 AND s <> 'x'))");
            statement.execute("CREATE TABLE b (id INT PRIMARY KEY, a_id INT REFERENCES a (id), CHECK (a_id > 0))");
            Schema expected = SchemaReader.forConnection(mariadb).read(mariadb, ReflectOptions.defaults());
            try (Connection mysql = java.sql.DriverManager.getConnection(
                    server.jdbcUrl(database).replace("jdbc:mariadb:", "jdbc:mysql:"), server.user(), "")) {
                assertThat(mysql.getMetaData().getDatabaseProductName()).isEqualTo("MySQL");
                assertThat(SchemaReader.forConnection(mysql).read(mysql, ReflectOptions.defaults())).isEqualTo(expected);
            }
            assertThat(expected.table("a").orElseThrow().column("s").orElseThrow().serverDefault()).isEqualTo("''");
        }
    }
    /**
     * The server writes a string default with backslash escapes whatever the session's sql_mode: read back, it is
     * the literal the session's own mode reads as the same string, which a generated script (a dropped column's
     * downgrade) writes and which a model written for that session compares equal to.
     */
    @Test
    void aStringDefaultIsReadAsALiteralOfTheSessionsMode() throws SQLException {
        String value = "C:\\new\\ it's \\% \"q\" \\\\";
        for (String mode : new String[] {"STRICT_TRANS_TABLES", "STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES"}) {
            try (Connection connection = fresh(""); Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION sql_mode = '" + mode + "'");
                String literal = Dialects.named("mariadb").inSqlMode(mode).literal(value);
                statement.execute("CREATE TABLE d (s VARCHAR(40) DEFAULT " + literal + ")");

                String read = SchemaReader.read(connection).table("d").orElseThrow().column("s").orElseThrow()
                        .serverDefault();

                assertThat(read).as("in mode %s", mode).isEqualTo(literal);
                try (ResultSet rows = statement.executeQuery("SELECT " + read)) {
                    rows.next();
                    assertThat(rows.getString(1)).as("in mode %s", mode).isEqualTo(value);
                }
            }
        }
    }
}
