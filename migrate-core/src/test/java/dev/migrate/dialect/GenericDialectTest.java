package dev.migrate.dialect;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generic dialect's standard SQL and its lock table, on a real H2 file database: the engine's tables create,
 * one run holds the lock, a second waits, a release frees it, and a row older than the stale limit is taken over.
 */
class GenericDialectTest {

    private static final TableName VERSION_TABLE = TableName.of("alembic_version");

    @TempDir
    Path tmp;

    private Connection connect() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + tmp.resolve("generic").toAbsolutePath());
        dataSource.setUser("sa");
        return dataSource.getConnection();
    }

    @Test
    void theEngineTablesAreStandardSql() throws Exception {
        Dialect generic = new GenericDialect("H2");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(generic.tableExists(connection, VERSION_TABLE)).isFalse();
            statement.execute(generic.createVersionTable(VERSION_TABLE));
            statement.execute(generic.createLogTable(TableName.of("migrate_log")));
            statement.execute("INSERT INTO migrate_log (revision, direction, started_at, duration_ms, success) VALUES "
                    + "('a1', 'upgrade', " + generic.timestampLiteral(Instant.parse("2026-12-07T10:00:00Z")) + ", 3, "
                    + generic.booleanLiteral(true) + ")");
            assertThat(generic.tableExists(connection, VERSION_TABLE)).isTrue();
        }
    }

    @Test
    void theLockTableKeepsASecondRunOutUntilReleasedOrStale() throws Exception {
        Dialect generic = new GenericDialect("H2");
        RunLock first = generic.runLock();
        RunLock second = generic.runLock();
        try (Connection a = connect(); Connection b = connect()) {
            assertThat(first.tryAcquire(a, VERSION_TABLE)).isTrue();
            assertThat(second.tryAcquire(b, VERSION_TABLE)).isFalse();
            assertThat(second.holder(b, VERSION_TABLE)).hasValueSatisfying(holder -> assertThat(holder)
                    .contains("pid " + ProcessHandle.current().pid()).contains("alembic_version_lock"));

            first.release(a, VERSION_TABLE);
            assertThat(second.holder(b, VERSION_TABLE)).isEmpty();
            assertThat(second.tryAcquire(b, VERSION_TABLE)).isTrue();

            // A crashed holder's row: older than the stale limit, it is taken over.
            try (Statement statement = b.createStatement()) {
                statement.execute("UPDATE alembic_version_lock SET acquired_at = "
                        + (System.currentTimeMillis() - LockTable.STALE_AFTER.toMillis() - 1000));
            }
            assertThat(first.tryAcquire(a, VERSION_TABLE)).isTrue();
        }
    }
}
