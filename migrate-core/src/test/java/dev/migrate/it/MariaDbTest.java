package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract on the suite's real MariaDB server through MariaDB Connector/J; the lock is {@code GET_LOCK} on the
 * run's session. One journey also runs through MySQL Connector/J (which reports the product as MySQL).
 */
class MariaDbTest extends ScriptDatabaseContract {

    @Override
    TestDatabase database(Path directory) {
        return TestDatabase.mariadb();
    }

    @Override
    String displayName() {
        return "MariaDB/MySQL";
    }

    @Override
    boolean supportsAutogenerate() {
        return true;
    }

    @Test
    void mysqlConnectorJRunsScriptsAndFailuresTheSameWay() throws Exception {
        TestDatabase db = TestDatabase.mariadbThroughMysqlDriver();
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("r00000000001", "", "one", "CREATE TABLE `t1` (id INTEGER); # made here", "DROP TABLE t1;");
        files.write("r00000000002", "r00000000001", "two", "CREATE TABLE t2 (id INTEGER);\nINSERT INTO nope VALUES (1);",
                "DROP TABLE t2;");
        Migrate migrate = Engines.over(db, files.directory());

        migrate.upgrade("r00000000001");
        assertThat(migrate.current(false).revisions()).containsExactly("r00000000001");
        assertThatThrownBy(() -> migrate.upgrade("head")).isInstanceOf(MigrateException.class)
                .hasMessageContaining("r00000000002_two.sql:11")
                .hasMessageContaining("the statement at line 10 of the revision ran before it");
        migrate.downgrade("base");
        assertThat(migrate.current(false).revisions()).isEmpty();
        assertThat(db.queryStrings(tableCount(db, "t1"))).containsExactly("0");
    }

    @Test
    void sessionSettingsAScriptChangesDoNotReachTheNextRevision() throws Exception {
        TestDatabase db = TestDatabase.mariadb();
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("s00000000001", "", "parent", """
                CREATE TABLE parent (id INTEGER PRIMARY KEY) ENGINE=InnoDB;
                CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER,
                    FOREIGN KEY (parent_id) REFERENCES parent (id)) ENGINE=InnoDB;
                /*!40014 SET FOREIGN_KEY_CHECKS=0 */;""", "DROP TABLE child;\nDROP TABLE parent;");
        files.write("s00000000002", "s00000000001", "orphan", "INSERT INTO child VALUES (1, 42);", "DELETE FROM child;");
        Migrate migrate = Engines.over(db, files.directory());

        assertThatThrownBy(() -> migrate.upgrade("head")).isInstanceOf(MigrateException.class)
                .hasMessageContaining("s00000000002_orphan.sql:10").hasMessageContaining("foreign key constraint fails");
        assertThat(migrate.current(false).revisions()).containsExactly("s00000000001");
    }

    @Test
    void getLockHeldByAKilledProcessIsFreedByTheServer() throws Exception {
        TestDatabase.MariaDb db = TestDatabase.mariadb();
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("k00000000001", "", "one", "CREATE TABLE k1 (id INTEGER);", "DROP TABLE k1;");
        Path log = tmp.resolve("holder.log");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UpgradeProcess.class.getName(),
                db.server().jdbcUrl(db.database()), db.server().user(), files.directory().toString(), "hold")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
            while (!java.nio.file.Files.readString(log).contains(UpgradeProcess.STARTED + "k00000000001")) {
                assertThat(holder.isAlive()).as(() -> read(log)).isTrue();
                assertThat(System.nanoTime()).as(() -> read(log)).isLessThan(deadline);
                Thread.sleep(10);
            }
            Migrate impatient = new Migrate(dev.migrate.command.MigrateConfig.builder().dataSource(db.dataSource())
                    .scriptDirectory(files.directory()).lock(true, java.time.Duration.ofMillis(300)).build());
            assertThatThrownBy(() -> impatient.upgrade("head")).isInstanceOf(MigrateException.class)
                    .hasMessageContaining("Could not get the migration lock").hasMessageContaining("connection ");
            assertThat(Engines.over(db, files.directory()).status().lockHolder()).startsWith("connection ");
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        }

        // Killed with the lock held: the server ends its session, and the next run gets the lock.
        Migrate patient = new Migrate(dev.migrate.command.MigrateConfig.builder().dataSource(db.dataSource())
                .scriptDirectory(files.directory()).lock(true, java.time.Duration.ofSeconds(60)).build());
        assertThat(patient.upgrade("head").steps()).hasSize(1);
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void twoProcessesRacingApplyEachRevisionOnce() throws Exception {
        TestDatabase.MariaDb db = TestDatabase.mariadb();
        db.execute("CREATE TABLE applied (revision VARCHAR(20) NOT NULL)");
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        String parent = "";
        for (int i = 1; i <= 6; i++) {
            String id = String.format("c%011d", i);
            // Not idempotent on purpose: a second run of any revision fails on the existing table.
            files.write(id, parent, "step " + i, "CREATE TABLE t" + i + " (id INTEGER);\nDO SLEEP(0.02);"
                    + "\nINSERT INTO applied (revision) VALUES ('" + id + "');", "DROP TABLE t" + i + ";");
            parent = id;
        }
        java.util.List<Process> processes = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), UpgradeProcess.class.getName(),
                    db.server().jdbcUrl(db.database()), db.server().user(), files.directory().toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("race-" + i + ".log").toFile()).start());
        }
        for (int i = 0; i < 2; i++) {
            assertThat(processes.get(i).waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
            Path log = tmp.resolve("race-" + i + ".log");
            assertThat(processes.get(i).exitValue()).as(() -> read(log)).isZero();
        }
        assertThat(db.queryStrings("SELECT revision FROM applied ORDER BY revision")).hasSize(6).doesNotHaveDuplicates();
        assertThat(db.queryStrings("SELECT version_num FROM alembic_version")).containsExactly("c00000000006");
    }

    @Test
    void aRevisionThatRanButCouldNotBeRecordedSaysItsDdlStays() throws Exception {
        TestDatabase db = TestDatabase.mariadb();
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("b00000000001", "", "breaks the log", "CREATE TABLE kept (id INTEGER);\nDROP TABLE migrate_log;",
                "DROP TABLE kept;");
        Migrate migrate = Engines.over(db, files.directory());

        assertThatThrownBy(() -> migrate.upgrade("head")).isInstanceOf(MigrateException.class)
                .hasMessageContaining("Could not record upgrade of revision b00000000001")
                .hasMessageContaining("its DDL stays applied")
                .hasMessageContaining("'db stamp b00000000001'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("rolled back"));
        assertThat(db.queryStrings(tableCount(db, "kept"))).containsExactly("1");
    }
}
