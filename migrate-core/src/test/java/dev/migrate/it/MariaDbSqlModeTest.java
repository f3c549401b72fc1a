package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static dev.migrate.it.ScriptDatabaseContract.tableCount;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySQL's {@code sql_mode} on the real MariaDB server: with NO_BACKSLASH_ESCAPES (set by the script, or the server's
 * global mode) {@code 'C:\'} is a whole string and the statements after it run; the next revision is read in the
 * mode the run started in, as the engine puts the session back; offline SQL is written for a mode it is told.
 */
class MariaDbSqlModeTest {

    @TempDir
    Path tmp;

    @Test
    void aScriptThatTurnsOffBackslashEscapesIsSplitAsTheServerReadsIt() throws Exception {
        TestDatabase db = TestDatabase.mariadb();
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("n00000000001", "", "windows paths", """
                CREATE TABLE paths (id INTEGER PRIMARY KEY, path VARCHAR(40));
                SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES');
                INSERT INTO paths VALUES (1, 'C:\\');
                INSERT INTO paths VALUES (2, "D:\\");
                CREATE TABLE after_paths (id INTEGER);""", "DROP TABLE after_paths;\nDROP TABLE paths;");
        files.write("n00000000002", "n00000000001", "escapes again", "INSERT INTO paths VALUES (3, 'it\\'s; \\\\ one');",
                "DELETE FROM paths WHERE id = 3;");
        Migrate migrate = Engines.over(db, files.directory());

        migrate.upgrade("head");

        assertThat(db.queryStrings("SELECT path FROM paths ORDER BY id")).containsExactly("C:\\", "D:\\", "it's; \\ one");
        assertThat(db.queryStrings(tableCount(db, "after_paths"))).containsExactly("1");
        migrate.downgrade("base");
        assertThat(db.queryStrings(tableCount(db, "paths"))).containsExactly("0");
    }

    @Test
    void ansiQuotesMakeDoubleQuotesNamesForTheRestOfTheScript() throws Exception {
        TestDatabase db = TestDatabase.mariadb();
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        // In a string "odd\" would escape its closing quote; under ANSI_QUOTES it is a name ending in a backslash.
        files.write("q00000000001", "", "ansi names", """
                SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES');
                CREATE TABLE "odd\\" (id INTEGER);
                INSERT INTO "odd\\" VALUES (1);""", "DROP TABLE `odd\\`;");
        files.write("q00000000002", "q00000000001", "strings again", "INSERT INTO `odd\\` SELECT LENGTH(\"a\\\"b\");",
                "DELETE FROM `odd\\` WHERE id = 3;");
        Migrate migrate = Engines.over(db, files.directory());

        migrate.upgrade("head");

        assertThat(db.queryStrings("SELECT id FROM `odd\\` ORDER BY id")).containsExactly("1", "3");
        migrate.downgrade("base");
        assertThat(db.queryStrings("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                + "AND table_name LIKE 'odd%'")).containsExactly("0");
    }

    @Test
    void theServersGlobalModeIsReadOncePerRunAndOfflineSqlIsToldIt() throws Exception {
        TestDatabase.MariaDb db = TestDatabase.mariadb();
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("g00000000001", "", "windows paths", """
                CREATE TABLE paths (id INTEGER PRIMARY KEY, path VARCHAR(40));
                INSERT INTO paths VALUES (1, 'C:\\');
                INSERT INTO paths VALUES (2, 'it''s; D:\\');""", "DROP TABLE paths;");
        String global = db.queryStrings("SELECT @@GLOBAL.sql_mode").get(0);
        db.execute("SET GLOBAL sql_mode = CONCAT(@@GLOBAL.sql_mode, ',NO_BACKSLASH_ESCAPES')");
        try {
            Engines.over(db, files.directory()).upgrade("head");
            assertThat(db.queryStrings("SELECT path FROM paths ORDER BY id")).containsExactly("C:\\", "it's; D:\\");

            TestDatabase.MariaDb offline = TestDatabase.mariadb();
            String sql = new Migrate(MigrateConfig.builder().dialect("mariadb").sqlMode("NO_BACKSLASH_ESCAPES")
                    .scriptDirectory(files.directory()).build()).upgradeSql("base:head");
            assertThat(offline.runScriptWithCli(sql)).isEmpty();
            assertThat(offline.queryStrings("SELECT path FROM paths ORDER BY id")).containsExactly("C:\\", "it's; D:\\");
        } finally {
            db.execute("SET GLOBAL sql_mode = '" + global + "'");
        }
    }
    /** Text with each character MySQL's backslash escapes could change. */
    private static final String AWKWARD = "C:\\new\\table\\ it's \\' \\\\ 100%_\\n";

    @Test
    void aLiteralTheEngineWritesReadsBackExactlyInEitherMode() throws Exception {
        TestDatabase.MariaDb db = TestDatabase.mariadb();
        Dialect dialect = Dialects.named("mariadb");
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String mode : new String[] {"", "NO_BACKSLASH_ESCAPES", "ANSI_QUOTES,NO_BACKSLASH_ESCAPES"}) {
                statement.execute("SET SESSION sql_mode = '" + mode + "'");
                String current = dialect.sqlMode(dialect.sessionSettings(connection));
                try (ResultSet rows = statement.executeQuery("SELECT " + dialect.inSqlMode(current).literal(AWKWARD))) {
                    rows.next();
                    assertThat(rows.getString(1)).as("in mode %s", current).isEqualTo(AWKWARD);
                }
            }
        }
    }

    @Test
    void offlineBookkeepingOfAMessageWithBackslashesReadsBackExactlyInEitherMode() throws Exception {
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.writeRaw("b00000000001_paths.sql", "-- " + AWKWARD + "\n--\n-- Revision ID: b00000000001\n-- Revises: \n"
                + "-- Create Date: 2026-11-21 10:00:00.000000\n\n-- migrate:upgrade\nCREATE TABLE paths (id INTEGER);\n\n"
                + "-- migrate:downgrade\nDROP TABLE paths;\n");
        for (String mode : new String[] {null, "NO_BACKSLASH_ESCAPES"}) {
            TestDatabase.MariaDb offline = TestDatabase.mariadb();
            String sql = new Migrate(MigrateConfig.builder().dialect("mariadb").sqlMode(mode)
                    .scriptDirectory(files.directory()).build()).upgradeSql("base:head");
            String session = mode == null ? "" : "SET SESSION sql_mode = CONCAT(@@sql_mode, '," + mode + "');\n";

            assertThat(offline.runScriptWithCli(session + sql)).isEmpty();
            assertThat(offline.queryStrings("SELECT message FROM migrate_log")).as("in mode %s", mode)
                    .containsExactly(AWKWARD);
        }
    }
}
