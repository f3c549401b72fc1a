package dev.migrate.reflect;

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
}
