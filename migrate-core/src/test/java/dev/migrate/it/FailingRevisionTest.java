package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static dev.migrate.it.BranchesTest.tableCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A statement failing in revision 3 of 5: 1-2 stay, 3 leaves no trace, and the message says where and why. */
class FailingRevisionTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failingRevisionLeavesNoTraceAndSaysWhere(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("r00000000001", "", "one", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
        files.write("r00000000002", "r00000000001", "two", "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");
        files.write("r00000000003", "r00000000002", "three", """
                CREATE TABLE t3 (id INTEGER);
                INSERT INTO t3 (id) VALUES (1);
                INSERT INTO no_such_table (id) VALUES (1);""", "DROP TABLE t3;");
        files.write("r00000000004", "r00000000003", "four", "CREATE TABLE t4 (id INTEGER);", "DROP TABLE t4;");
        files.write("r00000000005", "r00000000004", "five", "CREATE TABLE t5 (id INTEGER);", "DROP TABLE t5;");
        Migrate migrate = Engines.over(db, files.directory());

        // The header takes 7 lines, a blank and the section marker two more: the failing INSERT is on line 12.
        assertThatThrownBy(() -> migrate.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("r00000000003_three.sql:12")
                .hasMessageContaining("no_such_table")
                .hasMessageContaining("r00000000002")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        assertThat(migrate.current(false).revisions()).containsExactly("r00000000002");
        assertThat(db.queryStrings(tableCount(db, "t1"))).containsExactly("1");
        assertThat(db.queryStrings(tableCount(db, "t2"))).containsExactly("1");
        assertThat(db.queryStrings(tableCount(db, "t3"))).containsExactly("0");
        assertThat(db.queryStrings(tableCount(db, "t4"))).containsExactly("0");
        assertThat(db.queryStrings("SELECT revision || ' ' || direction FROM migrate_log WHERE "
                + (db.kind().equals("sqlite") ? "success = 0" : "NOT success"))).containsExactly("r00000000003 upgrade");
    }
}
