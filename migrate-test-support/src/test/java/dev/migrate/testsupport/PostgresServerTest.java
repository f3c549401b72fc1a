package dev.migrate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PostgresTest
class PostgresServerTest {

    private static PostgresServer fromBeforeAll;

    @BeforeAll
    static void captureServer(PostgresServer pg) {
        fromBeforeAll = pg;
    }

    @Test
    void serverStartsAndAcceptsConnections(PostgresServer pg) throws SQLException {
        assertThat(pg.port()).isPositive();
        assertThat(pg.user()).isEqualTo("postgres");
        assertThat(pg.jdbcUrl("postgres")).isEqualTo("jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres");
        assertThat(Files.isExecutable(pg.binDir().resolve("initdb"))).isTrue();
        assertThat(pg.version()).isNotBlank();
        try (Connection c = pg.connect("postgres")) {
            assertThat(queryString(c, "SELECT current_user")).isEqualTo("postgres");
            assertThat(queryString(c, "SHOW fsync")).isEqualTo("off");
            assertThat(queryString(c, "SHOW max_connections")).isEqualTo("200");
            assertThat(queryString(c, "SHOW server_encoding")).isEqualTo("UTF8");
        }
    }

    @Test
    void oneServerPerJvm(PostgresServer pg) {
        assertThat(pg).isSameAs(fromBeforeAll).isSameAs(PostgresServer.shared());
    }

    @Test
    void databasesAreFreshAndIsolated(PostgresServer pg) throws SQLException {
        String a = pg.createDatabase();
        String b = pg.createDatabase();
        assertThat(a).matches("t_\\d+_[a-z0-9]{6}").isNotEqualTo(b);
        assertThat(b).matches("t_\\d+_[a-z0-9]{6}");

        try (Connection ca = pg.connect(a); Statement s = ca.createStatement()) {
            s.execute("CREATE TABLE only_in_a (id int)");
            s.execute("INSERT INTO only_in_a VALUES (1)");
        }
        try (Connection cb = pg.connect(b)) {
            assertThat(queryString(cb, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'"))
                    .isEqualTo("0");
        }
        try (Connection ca = pg.connect(a)) {
            assertThat(queryString(ca, "SELECT count(*) FROM only_in_a")).isEqualTo("1");
        }
    }

    @Test
    void dropDatabaseRemovesItEvenWithOpenConnections(PostgresServer pg) throws SQLException {
        String db = pg.createDatabase();
        try (Connection open = pg.connect(db)) {
            pg.dropDatabase(db);
        } catch (SQLException closingATerminatedConnection) {
            // the server terminated it: fine
        }
        try (Connection c = pg.connect("postgres")) {
            assertThat(queryString(c, "SELECT count(*) FROM pg_database WHERE datname = '" + db + "'")).isEqualTo("0");
        }
        pg.dropDatabase(db); // IF EXISTS: no error the second time
    }

    @Test
    void runPsqlRunsAScriptOverTcp(PostgresServer pg) throws SQLException {
        String db = pg.createDatabase();
        ProcessResult result = pg.runPsql(db, """
                CREATE TABLE greeting (id int PRIMARY KEY, text varchar(20) NOT NULL);
                INSERT INTO greeting VALUES (1, 'héllo');
                SELECT 40 + 2 AS answer;
                """);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout()).contains("42");
        assertThat(result.stderr()).isEmpty();
        assertThat(Files.isExecutable(pg.psql())).isTrue();
        try (Connection c = pg.connect(db)) {
            assertThat(queryString(c, "SELECT text FROM greeting WHERE id = 1")).isEqualTo("héllo");
        }
    }

    @Test
    void runPsqlStopsAtTheFirstErrorAndReportsIt(PostgresServer pg) throws SQLException {
        String db = pg.createDatabase();
        ProcessResult result = pg.runPsql(db, """
                CREATE TABLE before_error (id int);
                SELECT * FROM no_such_table;
                CREATE TABLE after_error (id int);
                """);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.stderr()).contains("ERROR").contains("no_such_table");
        try (Connection c = pg.connect(db)) {
            assertThat(queryString(c, "SELECT count(*) FROM pg_tables WHERE tablename = 'before_error'")).isEqualTo("1");
            assertThat(queryString(c, "SELECT count(*) FROM pg_tables WHERE tablename = 'after_error'")).isEqualTo("0");
        }
    }

    @Test
    void runPsqlReportsAMissingDatabase(PostgresServer pg) {
        ProcessResult result = pg.runPsql("no_such_database", "SELECT 1;");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("no_such_database");
    }

    @Test
    void createDatabaseFailsLoudlyForABadStatement(PostgresServer pg) {
        assertThatThrownBy(() -> pg.dropDatabase("postgres"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DROP DATABASE");
    }

    private static String queryString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
