package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import dev.migrate.dialect.TableName;
import dev.migrate.runtime.AdvisoryLock;
import dev.migrate.runtime.RunResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The startup check of a database already at head (issue 16): it reads the version table and the log, one statement
 * each on one connection, and neither takes the migration lock nor writes anything; only a run with work to do (a
 * pending revision, a changed script to refuse) takes the lock and reads again under it.
 */
class AtHeadCheckTest {

    private static final String A = "h00000000001";
    private static final String B = "h00000000002";
    private static final Duration SHORT = Duration.ofMillis(400);

    @TempDir
    Path tmp;

    private ScriptFiles files;

    private TestDatabase migrated(Kind kind) {
        TestDatabase db = kind.create(tmp);
        files = new ScriptFiles(tmp.resolve("migrations"));
        files.write(A, "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
        files.write(B, A, "two", "CREATE TABLE two (id INTEGER);", "DROP TABLE two;");
        Engines.over(db, files.directory()).upgrade("head");
        return db;
    }

    private Migrate engine(DataSource dataSource) {
        return new Migrate(MigrateConfig.builder().dataSource(dataSource).scriptDirectory(files.directory())
                .lock(true, SHORT).build());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void atHeadTheCheckReadsTwoTablesOnOneConnectionWithoutTheLockAndWritesNothing(Kind kind) throws Exception {
        TestDatabase db = migrated(kind);
        List<String> logBefore = db.queryStrings("SELECT revision || ' ' || direction FROM migrate_log ORDER BY id");
        StatementLog recorded = new StatementLog(db.dataSource());

        RunResult result;
        // Another run holds the migration lock all along: a check that took it would wait, then time out.
        try (AutoCloseable held = holdLock(db)) {
            result = engine(recorded.dataSource()).upgrade("head");
        }

        assertThat(result.steps()).isEmpty();
        assertThat(result.toHeads()).containsExactly(B);
        assertThat(recorded.connections()).isEqualTo(1);
        // PostgreSQL names the engine's tables in the current schema, as the run under the lock does
        List<String> reads = recorded.statements().stream().filter(sql -> !sql.equals("SELECT current_schema()")).toList();
        assertThat(recorded.statements()).hasSize(kind == Kind.SQLITE ? 2 : 4);
        assertThat(reads).hasSize(2);
        assertThat(reads.get(0)).startsWith("SELECT version_num FROM ").contains("alembic_version");
        assertThat(reads.get(1)).startsWith("SELECT ").contains("migrate_log");
        assertThat(db.queryStrings("SELECT revision || ' ' || direction FROM migrate_log ORDER BY id"))
                .isEqualTo(logBefore);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void withARevisionPendingTheRunStillWaitsForTheLock(Kind kind) throws Exception {
        TestDatabase db = migrated(kind);
        files.write("h00000000003", B, "three", "CREATE TABLE three (id INTEGER);", "DROP TABLE three;");

        try (AutoCloseable held = holdLock(db)) {
            assertThatThrownBy(() -> engine(db.dataSource()).upgrade("head"))
                    .isInstanceOf(MigrateException.class).hasMessageContaining("migration lock");
        }
        assertThat(engine(db.dataSource()).upgrade("head").steps()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void atHeadAChangedScriptIsStillRefusedUnderTheLock(Kind kind) throws Exception {
        TestDatabase db = migrated(kind);
        Path first = files.directory().resolve(A + "_one.sql");
        Files.writeString(first, Files.readString(first).replace("CREATE TABLE one (id INTEGER);",
                "CREATE TABLE one (id BIGINT);"));

        try (AutoCloseable held = holdLock(db)) {
            assertThatThrownBy(() -> engine(db.dataSource()).upgrade("head"))
                    .isInstanceOf(MigrateException.class).hasMessageContaining("migration lock");
        }
        assertThatThrownBy(() -> engine(db.dataSource()).upgrade("head"))
                .isInstanceOf(MigrateException.class).hasMessageContaining(A);
    }

    @org.junit.jupiter.api.Test
    void onPostgresqlTheCheckReadsTheTablesOfTheCurrentSchemaNotAnotherOnTheSearchPath() throws Exception {
        TestDatabase.Postgres db = (TestDatabase.Postgres) migrated(Kind.POSTGRESQL);
        db.execute("CREATE SCHEMA tenant");
        org.postgresql.ds.PGSimpleDataSource tenant = new org.postgresql.ds.PGSimpleDataSource();
        tenant.setURL(db.server().jdbcUrl(db.database()));
        tenant.setUser(db.server().user());
        tenant.setCurrentSchema("tenant,public");

        // public is at head, but the scripts run in tenant, the current schema: there the run applies both revisions
        RunResult result = engine(tenant).upgrade("head");

        assertThat(result.steps()).hasSize(2);
        assertThat(db.queryStrings("SELECT version_num FROM tenant.alembic_version")).containsExactly(B);
    }

    /** What another migration run holds while it runs: the advisory lock, or the write lock of the lock file. */
    private static AutoCloseable holdLock(TestDatabase db) throws Exception {
        if (db instanceof TestDatabase.Sqlite sqlite) {
            Connection lock = DriverManager.getConnection("jdbc:sqlite:" + sqlite.file() + ".migrate-lock");
            try (Statement statement = lock.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
            }
            return lock;
        }
        return AdvisoryLock.acquire(db.dataSource(), TableName.of("alembic_version"), Duration.ofSeconds(5));
    }
}
