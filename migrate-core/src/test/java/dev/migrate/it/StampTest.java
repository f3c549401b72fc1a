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

/** {@code db stamp}: adopting databases made by hand or by Flask-Migrate, purge, base; it never runs a script. */
class StampTest {

    static final String A = "aaaa00000001";
    static final String B = "bbbb00000002";
    static final String C = "cccc00000003";

    @TempDir
    Path tmp;

    private ScriptFiles scripts() {
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write(A, "", "create users", "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50));", "DROP TABLE users;");
        files.write(B, A, "add orders", "CREATE TABLE orders (id INTEGER PRIMARY KEY);", "DROP TABLE orders;");
        return files;
    }

    private static String logRows(TestDatabase db) throws Exception {
        return String.join("; ", db.queryStrings("SELECT revision || ' ' || direction FROM migrate_log WHERE direction <> 'digest' ORDER BY id"));
    }

    /** What Flask-Migrate leaves behind: its tables and Alembic's version table at a revision. */
    private static void flaskMigrateDatabaseAt(TestDatabase db, String revision) throws Exception {
        db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50))");
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                + "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
        db.execute("INSERT INTO alembic_version (version_num) VALUES ('" + revision + "')");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void flaskMigrateDatabaseUpgradesFromWhereItIs(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Migrate migrate = Engines.over(db, scripts().directory());
        flaskMigrateDatabaseAt(db, A);
        db.execute("INSERT INTO users (id, name) VALUES (1, 'kept')");

        assertThat(migrate.current(false).revisions()).containsExactly(A);
        var run = migrate.upgrade("head");

        assertThat(run.steps()).extracting(step -> step.describe())
                .containsExactly("Running upgrade " + A + " -> " + B + ", add orders");
        assertThat(migrate.current(false).lines()).containsExactly(B + " (head)");
        assertThat(db.queryStrings("SELECT name FROM users")).containsExactly("kept");
        assertThat(db.queryStrings("SELECT COUNT(*) FROM alembic_version")).containsExactly("1");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stampHeadOfAHandMadeDatabaseRunsNothingAndLaterRevisionsRun(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = scripts();
        Migrate migrate = Engines.over(db, files.directory());
        db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50))");
        db.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)");
        db.execute("INSERT INTO users (id, name) VALUES (1, 'kept')");

        var stamp = migrate.stamp("head", false);

        assertThat(stamp.fromHeads()).isEmpty();
        assertThat(stamp.toHeads()).containsExactly(B);
        assertThat(stamp.steps()).isEmpty();
        assertThat(migrate.current(false).lines()).containsExactly(B + " (head)");
        assertThat(logRows(db)).isEqualTo(B + " stamp");
        assertThat(db.queryStrings("SELECT name FROM users")).containsExactly("kept");

        files.write(C, B, "add invoices", "CREATE TABLE invoices (id INTEGER PRIMARY KEY);", "DROP TABLE invoices;");
        var run = migrate.upgrade("head");
        assertThat(run.steps()).extracting(step -> step.step().revision().id()).containsExactly(C);
        assertThat(migrate.current(false).revisions()).containsExactly(C);
        assertThat(logRows(db)).isEqualTo(B + " stamp; " + C + " upgrade");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stampOverARowNoScriptKnowsNeedsPurge(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Migrate migrate = Engines.over(db, scripts().directory());
        flaskMigrateDatabaseAt(db, "0123456789ab");

        assertThatThrownBy(() -> migrate.stamp("head", false))
                .isInstanceOf(MigrateException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("0123456789ab"));
        assertThat(db.queryStrings("SELECT version_num FROM alembic_version")).containsExactly("0123456789ab");

        var stamp = migrate.stamp(A, true);

        assertThat(stamp.fromHeads()).containsExactly("0123456789ab");
        assertThat(db.queryStrings("SELECT version_num FROM alembic_version")).containsExactly(A);
        assertThat(migrate.upgrade("head").steps()).extracting(step -> step.step().revision().id()).containsExactly(B);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stampBaseEmptiesTheVersionTableAndKeepsTheTables(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Migrate migrate = Engines.over(db, scripts().directory());
        migrate.upgrade("head");

        var stamp = migrate.stamp("base", false);

        assertThat(stamp.fromHeads()).containsExactly(B);
        assertThat(stamp.toHeads()).isEmpty();
        assertThat(migrate.current(false).revisions()).isEmpty();
        assertThat(db.queryStrings(tableCount(db, "orders"))).containsExactly("1");
        assertThat(db.queryStrings(tableCount(db, "users"))).containsExactly("1");

        migrate.stamp(A, false);
        assertThat(migrate.current(false).revisions()).containsExactly(A);
        assertThat(logRows(db)).startsWith(A + " upgrade; " + B + " upgrade; ").endsWith("; " + A + " stamp");
    }
}
