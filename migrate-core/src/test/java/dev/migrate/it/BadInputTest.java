package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.migrate.it.BranchesTest.tableCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input, each with one clear line naming the problem and where, and nothing applied. */
class BadInputTest {

    @TempDir
    Path tmp;

    private TestDatabase db;
    private ScriptFiles files;
    private Migrate migrate;

    @BeforeEach
    void setUp() {
        db = TestDatabase.sqlite(tmp.resolve("bad.db"));
        files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("aaaa11111111", "", "first", "CREATE TABLE first (id INTEGER);", "DROP TABLE first;");
        migrate = Engines.over(db, files.directory());
    }

    private void assertRejected(String target, String... fragments) throws Exception {
        assertThatThrownBy(() -> migrate.upgrade(target))
                .isInstanceOf(MigrateException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("\n");
                    for (String fragment : fragments) {
                        assertThat(e.getMessage()).containsIgnoringCase(fragment);
                    }
                });
        assertThat(db.queryStrings(tableCount(db, "first"))).containsExactly("0");
        assertThat(db.queryStrings(tableCount(db, "migrate_log"))).as("the engine created nothing").containsExactly("0");
    }

    @Test
    void scriptWithoutRevisionId() throws Exception {
        files.writeRaw("bbbb_no_id.sql", "-- no id\n--\n-- Revises: aaaa11111111\n\n-- migrate:upgrade\nSELECT 1;\n");
        assertRejected("head", "bbbb_no_id.sql", "Revision ID");
    }

    @Test
    void twoScriptsWithOneId() throws Exception {
        files.write("aaaa11111111", "", "first again", "SELECT 1;", "SELECT 1;");
        assertRejected("head", "aaaa11111111_first.sql", "aaaa11111111_first_again.sql");
    }

    @Test
    void unknownRevises() throws Exception {
        files.write("cccc22222222", "ffff99999999", "orphan", "SELECT 1;", "SELECT 1;");
        assertRejected("head", "cccc22222222_orphan.sql", "ffff99999999");
    }

    @Test
    void cycle() throws Exception {
        files.write("dddd33333333", "eeee44444444", "one way", "SELECT 1;", "SELECT 1;");
        files.write("eeee44444444", "dddd33333333", "and back", "SELECT 1;", "SELECT 1;");
        assertRejected("heads", "cycle", "dddd33333333", "eeee44444444");
    }

    @Test
    void ambiguousPrefix() throws Exception {
        files.write("abcd00000001", "aaaa11111111", "a", "SELECT 1;", "SELECT 1;");
        files.write("abcd00000002", "abcd00000001", "b", "SELECT 1;", "SELECT 1;");
        assertRejected("abcd", "abcd00000001", "abcd00000002");
    }

    @Test
    void unknownTarget() throws Exception {
        assertRejected("deadbeef", "deadbeef");
    }

    @Test
    void downgradeBelowBase() throws Exception {
        migrate.upgrade("head");
        assertThatThrownBy(() -> migrate.downgrade("-2"))
                .isInstanceOf(MigrateException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("-2"));
        assertThat(migrate.current(false).revisions()).containsExactly("aaaa11111111");
    }

    @Test
    void unterminatedString() throws Exception {
        files.write("ffff55555555", "aaaa11111111", "broken", "INSERT INTO first VALUES ('oops);", "SELECT 1;");
        assertRejectedAtRun("ffff55555555_broken.sql:10", "string");
    }

    @Test
    void unterminatedDollarQuote() throws Exception {
        files.write("ffff55555555", "aaaa11111111", "broken", "SELECT 1;\nDO $body$ BEGIN NULL; END;", "SELECT 1;");
        assertRejectedAtRun("ffff55555555_broken.sql:11", "$body$");
    }

    @Test
    void unterminatedTriggerBody() throws Exception {
        files.write("ffff55555555", "aaaa11111111", "broken",
                "CREATE TRIGGER t AFTER INSERT ON first BEGIN\n  DELETE FROM first;\n", "SELECT 1;");
        assertRejectedAtRun("ffff55555555_broken.sql:10", "trigger");
    }

    /** Lexing happens when a script is about to run: nothing of the run may have been applied by then. */
    private void assertRejectedAtRun(String where, String what) throws Exception {
        assertThatThrownBy(() -> migrate.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(where).containsIgnoringCase(what));
        assertThat(migrate.current(false).revisions()).isEmpty();
        assertThat(db.schema()).as("the engine created nothing").isEmpty();
    }

    @Test
    void emptyFile() throws Exception {
        files.writeRaw("bbbb_empty.sql", "");
        assertRejected("head", "bbbb_empty.sql", "empty");
    }

    @Test
    void nonUtf8File() throws Exception {
        Files.write(files.directory().resolve("bbbb_latin1.sql"),
                "-- caf\u00e9\n-- Revision ID: bbbb66666666\n-- Revises: aaaa11111111\n-- migrate:upgrade\nSELECT 1;\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertRejected("head", "bbbb_latin1.sql", "UTF-8");
    }

    @Test
    void databaseStampedWithUnknownRevision() throws Exception {
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
        db.execute("INSERT INTO alembic_version VALUES ('0123456789ab')");
        assertRejected("head", "0123456789ab", "stamp");
    }
}
