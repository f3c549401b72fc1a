package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration lock is held for the whole run, on SQLite too, and is free again only when nothing of the
 * run can still change the database: after a normal end, or after a {@code kill -9} of its process once
 * its last statement is over.
 */
class RunLockTest {

    private static final String NO_TRANSACTION_HEADER = """
            -- %s
            --
            -- Revision ID: %s
            -- Revises:
            -- Create Date: 2026-11-21 10:00:00.000000
            -- migrate:no-transaction

            -- migrate:upgrade
            %s

            -- migrate:downgrade
            DELETE FROM applied;
            """;

    @TempDir
    Path tmp;

    @Test
    void twoSqliteProcessesStartedTogetherApplyANoTransactionRevisionOnce() throws Exception {
        TestDatabase.Sqlite db = TestDatabase.sqlite(tmp.resolve("app.db"));
        db.execute("CREATE TABLE applied (x VARCHAR(20) NOT NULL)");
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        // Not idempotent: run twice, it leaves four rows. The recursive count keeps the revision busy a while.
        files.writeRaw("n00000000001_fill.sql", NO_TRANSACTION_HEADER.formatted("fill", "n00000000001", """
                INSERT INTO applied (x) VALUES ('first');
                WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 2000000) SELECT count(*) FROM c;
                INSERT INTO applied (x) VALUES ('second');"""));

        Path go = tmp.resolve("go");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(start("jdbc:sqlite:" + db.file(), "-", files.directory(), "go=" + go, i));
        }
        for (int i = 0; i < 2; i++) {
            awaitOutput(processes.get(i), i, "READY");
        }
        Files.createFile(go);
        for (int i = 0; i < 2; i++) {
            assertThat(processes.get(i).waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(processes.get(i).exitValue()).as(this::outputs).isZero();
        }

        assertThat(db.queryStrings("SELECT x FROM applied ORDER BY x")).containsExactly("first", "second");
        assertThat(db.queryStrings("SELECT revision FROM migrate_log WHERE success = 1 AND direction <> 'digest'")).containsExactly("n00000000001");
        assertThat(db.queryStrings("SELECT version_num FROM alembic_version")).containsExactly("n00000000001");
    }

    @Test
    void aSqliteRunHoldsTheLockUntilKilledAndThenTheNextRunGetsIt() throws Exception {
        TestDatabase.Sqlite db = TestDatabase.sqlite(tmp.resolve("app.db"));
        db.execute("CREATE TABLE applied (x VARCHAR(20) NOT NULL)");
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.writeRaw("n00000000001_fill.sql", NO_TRANSACTION_HEADER.formatted("fill", "n00000000001",
                "INSERT INTO applied (x) VALUES ('once');"));
        files.write("n00000000002", "n00000000001", "more", "INSERT INTO applied (x) VALUES ('more');",
                "DELETE FROM applied WHERE x = 'more';");

        Process holder = start("jdbc:sqlite:" + db.file(), "-", files.directory(), "hold", 0);
        awaitOutput(holder, 0, UpgradeProcess.STARTED + "n00000000001");

        // The holder stopped before the revision's first statement, outside any transaction: only the run lock
        // keeps this run out.
        assertThatThrownBy(() -> engine(db, files, true, Duration.ofMillis(300)).upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("migration lock")
                .hasMessageContaining(db.file().getFileName().toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("connection settings"));
        assertThat(db.queryStrings("SELECT count(*) FROM applied")).containsExactly("0");
        // With the lock turned off (for setups that cannot lock), a run goes ahead regardless.
        assertThat(engine(db, files, false, Duration.ofMillis(300)).upgrade("n00000000001").steps()).hasSize(1);

        holder.destroyForcibly();
        assertThat(holder.waitFor(1, TimeUnit.MINUTES)).isTrue();

        // Killed with the lock held: the next run gets it.
        assertThat(engine(db, files, true, Duration.ofSeconds(30)).upgrade("head").steps()).hasSize(1);
        assertThat(db.queryStrings("SELECT x FROM applied ORDER BY x")).containsExactly("more", "once");
    }

    @Test
    void aSecondSqliteRunInTheSameJvmWaitsAndDoesNotFreeTheFirstRunsLock() throws Exception {
        TestDatabase.Sqlite db = TestDatabase.sqlite(tmp.resolve("app.db"));
        db.execute("CREATE TABLE applied (x VARCHAR(20) NOT NULL)");
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.writeRaw("n00000000001_fill.sql", NO_TRANSACTION_HEADER.formatted("fill", "n00000000001",
                "INSERT INTO applied (x) VALUES ('once');"));

        List<Throwable> inner = new ArrayList<>();
        List<String> holders = new ArrayList<>();
        engine(db, files, true, Duration.ofSeconds(30)).upgrade("head", (step, message) -> {
            holders.add(Engines.over(db, files.directory()).status().lockHolder());
            // Twice: giving up must not release the lock the first run holds (closing a second handle on a
            // POSIX lock file would).
            for (int i = 0; i < 2; i++) {
                try {
                    engine(db, files, true, Duration.ofMillis(200)).upgrade("head");
                } catch (MigrateException e) {
                    inner.add(e);
                }
            }
        });
        assertThat(holders).containsExactly("another migration run (lock file " + db.file() + ".migrate-lock)");
        assertThat(inner).hasSize(2).allSatisfy(e -> assertThat(e).hasMessageContaining("migration lock"));
        assertThat(Engines.over(db, files.directory()).status().lockHolder()).isNull();
        assertThat(db.queryStrings("SELECT x FROM applied")).containsExactly("once");
    }

    @Test
    void aPostgresRunKilledMidStatementKeepsTheLockUntilItsStatementIsOver() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        db.execute("CREATE TABLE applied (pid INTEGER NOT NULL)");
        db.execute("CREATE TABLE overlapping (others BIGINT NOT NULL)");
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        // First, how many other sessions are sleeping in this revision's slow statement right now. A killed backend
        // releases its locks while exiting, before pg_stat_activity stops listing it as active (under load, for longer
        // than any pause): only a session still in the sleep (wait event PgSleep) counts, as a statement still
        // running (3 s) would.
        files.writeRaw("p00000000001_slow.sql", NO_TRANSACTION_HEADER.formatted("slow", "p00000000001", """
                SELECT pg_sleep(0.5);
                INSERT INTO overlapping (others) SELECT count(*) FROM pg_stat_activity
                    WHERE state = 'active' AND wait_event = 'PgSleep' AND pid <> pg_backend_pid()
                      AND query LIKE '%FROM pg_sleep(3)%';
                INSERT INTO applied (pid) SELECT pg_backend_pid() FROM pg_sleep(3);"""));

        Process first = start(db.server().jdbcUrl(db.database()), db.server().user(), files.directory(), "", 0);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (db.queryStrings("SELECT pid FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() "
                + "AND query LIKE '%FROM pg_sleep(3)%' AND query NOT LIKE '%overlapping%'").isEmpty()) {
            assertThat(System.nanoTime()).as(this::outputs).isLessThan(deadline);
            assertThat(first.isAlive()).as(this::outputs).isTrue();
            Thread.sleep(20);
        }
        first.destroyForcibly();
        assertThat(first.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(engine(db, files, true, Duration.ofSeconds(60)).upgrade("head").steps()).hasSize(1);
        // Wait until no session of either run is left, then count what the slow statement did.
        deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!db.queryStrings("SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                + "AND query LIKE '%FROM pg_sleep(3)%' AND query NOT LIKE '%overlapping%'").isEmpty()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(db.queryStrings("SELECT max(others) FROM overlapping")).containsExactly("0");
        assertThat(db.queryStrings("SELECT count(*) FROM applied")).containsExactly("1");
        assertThat(db.queryStrings("SELECT version_num FROM alembic_version")).containsExactly("p00000000001");
    }

    private Migrate engine(TestDatabase db, ScriptFiles files, boolean lock, Duration timeout) {
        return new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).scriptDirectory(files.directory())
                .lock(lock, timeout).build());
    }

    private Process start(String url, String user, Path scripts, String mode, int index) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UpgradeProcess.class.getName(),
                url, user, scripts.toString(), mode)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("process-" + index + ".log").toFile())
                .start();
    }

    private void awaitOutput(Process process, int index, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!read(tmp.resolve("process-" + index + ".log")).contains(text)) {
            assertThat(process.isAlive()).as(this::outputs).isTrue();
            assertThat(System.nanoTime()).as(this::outputs).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private String outputs() {
        return read(tmp.resolve("process-0.log")) + "\n---\n" + read(tmp.resolve("process-1.log"));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
