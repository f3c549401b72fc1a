package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.RunLock;
import dev.migrate.dialect.TableName;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.StoreModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's journeys for a database reached through the dialect SPI whose DDL is not transactional (MariaDB,
 * H2): a branchy history up and down, a failure in the middle of a revision, offline SQL through the database's
 * own client, the lock held by another session, and autogenerate refused in one line.
 */
abstract class ScriptDatabaseContract {

    @TempDir
    Path tmp;

    /** A fresh, empty database. */
    abstract TestDatabase database(Path directory) throws Exception;

    /** How the messages name the database. */
    abstract String displayName();

    /** Whether the database's dialect offers autogenerate (reflection and rendering). */
    boolean supportsAutogenerate() {
        return false;
    }

    private static void writeBranchyHistory(ScriptFiles files) {
        files.write("aaaa00000001", "", "create users", "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(40));",
                "DROP TABLE users;");
        files.write("bbbb00000002", "aaaa00000001", "add orders",
                "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER);\nCREATE INDEX ix_orders_user ON orders (user_id);",
                "DROP TABLE orders;");
        files.write("cccc00000003", "aaaa00000001", "add invoices", "CREATE TABLE invoices (id INTEGER PRIMARY KEY);",
                "DROP TABLE invoices;");
        files.write("dddd00000004", "bbbb00000002, cccc00000003", "merge", "", "");
    }

    @Test
    void linearHistoryStampCurrentAndHistory() throws Exception {
        TestDatabase db = database(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("l00000000001", "", "users", "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(40));\n"
                + "INSERT INTO users (id, name) VALUES (1, 'it''s kept');", "DROP TABLE users;");
        files.write("l00000000002", "l00000000001", "orders", "CREATE TABLE orders (id INTEGER PRIMARY KEY);",
                "DROP TABLE orders;");
        Migrate migrate = Engines.over(db, files.directory());

        assertThat(migrate.upgrade("head").steps()).hasSize(2);
        assertThat(migrate.current(false).lines()).containsExactly("l00000000002 (head)");
        assertThat(String.join("\n", migrate.history(null, false, true).lines()))
                .contains("l00000000001 -> l00000000002 (head) (current), orders");
        assertThat(db.queryStrings("SELECT name FROM users")).containsExactly("it's kept");

        migrate.downgrade("-1");
        assertThat(migrate.current(false).revisions()).containsExactly("l00000000001");
        assertThat(db.queryStrings(tableCount(db, "orders"))).containsExactly("0");

        migrate.stamp("head", false);
        assertThat(migrate.current(false).revisions()).containsExactly("l00000000002");
        assertThat(db.queryStrings(tableCount(db, "orders"))).as("stamp runs no script").containsExactly("0");
        assertThat(db.queryStrings("SELECT CONCAT(revision, CONCAT(' ', direction)) FROM migrate_log WHERE direction <> 'digest' ORDER BY id"))
                .containsExactly("l00000000001 upgrade", "l00000000002 upgrade", "l00000000002 downgrade",
                        "l00000000002 stamp");
        migrate.stamp("base", false);
        assertThat(migrate.current(false).revisions()).isEmpty();
        assertThat(db.queryStrings(tableCount(db, "users"))).as("stamp runs no script").containsExactly("1");
    }

    @Test
    void branchyHistoryUpAndDown() throws Exception {
        TestDatabase db = database(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        writeBranchyHistory(files);
        Migrate migrate = Engines.over(db, files.directory());

        migrate.upgrade("bbbb00000002");
        assertThat(migrate.current(false).revisions()).containsExactly("bbbb00000002");
        migrate.upgrade("heads");
        assertThat(migrate.current(false).revisions()).containsExactly("dddd00000004");
        assertThat(db.queryStrings(tableCount(db, "invoices"))).containsExactly("1");

        migrate.downgrade("-1");
        assertThat(migrate.current(false).revisions()).containsExactlyInAnyOrder("bbbb00000002", "cccc00000003");
        migrate.downgrade("base");
        assertThat(migrate.current(false).revisions()).isEmpty();
        assertThat(db.queryStrings(tableCount(db, "users"))).containsExactly("0");
        assertThat(db.queryStrings("SELECT COUNT(*) FROM migrate_log WHERE success AND direction <> 'digest'")).containsExactly("8");
    }

    @Test
    void failureInTheMiddleNamesTheStatementsThatRan() throws Exception {
        TestDatabase db = database(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("r00000000001", "", "one", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
        files.write("r00000000002", "r00000000001", "two", """
                CREATE TABLE t2 (id INTEGER);
                INSERT INTO t2 (id) VALUES (1);
                INSERT INTO no_such_table (id) VALUES (1);
                CREATE TABLE t2b (id INTEGER);""", "DROP TABLE t2;");
        Migrate migrate = Engines.over(db, files.directory());

        // Header 7 lines, a blank, the marker: the upgrade starts on line 10, the failing INSERT is line 12.
        assertThatThrownBy(() -> migrate.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("r00000000002_two.sql:12")
                .hasMessageContaining("the statements at lines 10, 11 of the revision ran before it")
                .hasMessageContaining("the version table says r00000000001")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        // Alembic's rule: revision 1 is recorded; revision 2's CREATE TABLE was committed by the database itself.
        assertThat(migrate.current(false).revisions()).containsExactly("r00000000001");
        assertThat(db.queryStrings(tableCount(db, "t2"))).containsExactly("1");
        assertThat(db.queryStrings(tableCount(db, "t2b"))).containsExactly("0");
        assertThat(db.queryStrings("SELECT revision FROM migrate_log WHERE NOT success")).containsExactly("r00000000002");
    }

    @Test
    void offlineSqlThroughTheClientMatchesTheOnlineRun() throws Exception {
        Files.createDirectories(tmp.resolve("online"));
        Files.createDirectories(tmp.resolve("offline"));
        TestDatabase online = database(tmp.resolve("online"));
        TestDatabase offline = database(tmp.resolve("offline"));
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        writeBranchyHistory(files);
        Engines.over(online, files.directory()).upgrade("heads");

        Migrate offlineEngine = Engines.over(offline, files.directory());
        String sql = offlineEngine.upgradeSql("base:heads");
        assertThat(sql).contains("INSERT INTO alembic_version (version_num) VALUES ('aaaa00000001')");
        assertThat(offline.runScriptWithCli(sql)).isEmpty();
        assertThat(offline.schema()).isEqualTo(online.schema());
        assertThat(offlineEngine.current(false).revisions()).containsExactly("dddd00000004");

        assertThat(offline.runScriptWithCli(offlineEngine.downgradeSql("dddd00000004:base"))).isEmpty();
        assertThat(offlineEngine.current(false).revisions()).isEmpty();
    }

    @Test
    void aLockHeldByAnotherSessionStopsTheRunAndNamesItsHolder() throws Exception {
        TestDatabase db = database(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        writeBranchyHistory(files);
        try (Connection other = db.dataSource().getConnection()) {
            Dialect dialect = Dialect.of(other);
            RunLock lock = dialect.runLock();
            assertThat(lock.tryAcquire(other, TableName.of("alembic_version"))).isTrue();
            Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).dialect(db.kind())
                    .scriptDirectory(files.directory()).lock(true, Duration.ofMillis(300)).build());

            assertThatThrownBy(() -> migrate.upgrade("heads"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("Could not get the migration lock for alembic_version within 0.3 s")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThat(migrate.current(false).revisions()).isEmpty();

            lock.release(other, TableName.of("alembic_version"));
            migrate.upgrade("heads");
            assertThat(migrate.current(false).revisions()).containsExactly("dddd00000004");
        }
    }

    @Test
    void autogenerateComparesOrSaysItIsNotSupportedHere() throws Exception {
        TestDatabase db = database(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).dialect(db.kind())
                .scriptDirectory(files.directory()).model(ModelSource.annotated(StoreModels.StoreModel.class)).build());

        if (supportsAutogenerate()) {
            assertThat(migrate.check().upToDate()).as("the model's table is missing").isFalse();
            return;
        }
        assertThatThrownBy(migrate::check)
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("autogenerate is not supported for " + displayName())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** Whether the table exists in the test's own database (MariaDB's information_schema spans the server). */
    static String tableCount(TestDatabase db, String table) {
        return "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = '" + table + "' AND table_schema = "
                + (db.kind().equals("mariadb") ? "DATABASE()" : "'PUBLIC'");
    }
}
