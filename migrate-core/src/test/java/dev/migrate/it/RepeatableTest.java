package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import dev.migrate.command.MigrationStatus;
import dev.migrate.runtime.AppliedRepeatable;
import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.runtime.RepeatableState;
import dev.migrate.runtime.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Repeatable scripts ({@code R__<name>.sql}): applied after the revisions of an upgrade to head, by name, again only
 * when their checksum changed (or a downgrade ran since), recorded in the log, listed by status, in offline SQL, and
 * reported like a revision when they fail.
 */
class RepeatableTest {

    static final String A = "aaaa00000001";
    static final String B = "bbbb00000002";

    @TempDir
    Path tmp;

    /** Two revisions: a table, then its rows. */
    private ScriptFiles revisions() {
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write(A, "", "items", "CREATE TABLE items (id INTEGER, name VARCHAR(40));", "DROP TABLE items;");
        files.write(B, A, "rows", "INSERT INTO items (id, name) VALUES (1, 'one');\nINSERT INTO items (id, name) VALUES (2, 'two');",
                "DELETE FROM items;");
        return files;
    }

    /** A view that can be replaced on both databases (SQLite has no CREATE OR REPLACE VIEW). */
    private static String view(TestDatabase db, String name, String select) {
        return db.kind().equals("sqlite")
                ? "DROP VIEW IF EXISTS " + name + ";\nCREATE VIEW " + name + " AS " + select + ";\n"
                : "CREATE OR REPLACE VIEW " + name + " AS " + select + ";\n";
    }

    private static List<String> log(TestDatabase db) throws Exception {
        return db.queryStrings("SELECT revision || ' ' || direction || ' ' || "
                + (db.kind().equals("sqlite") ? "success" : "CASE WHEN success THEN 1 ELSE 0 END")
                + " FROM migrate_log WHERE direction <> 'digest' ORDER BY id");
    }

    private static Map<String, RepeatableState> states(Migrate migrate) {
        return migrate.status().repeatables().stream()
                .collect(Collectors.toMap(MigrationStatus.Repeatable::name, MigrationStatus.Repeatable::state));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void appliedAfterTheRevisionsByNameAndAgainOnlyWhenChanged(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = revisions();
        // written in the opposite order: the second reads the first, so only the order by name works
        files.writeRaw("R__20_item_count.sql", "-- how many items\n" + view(db, "item_count", "SELECT COUNT(*) AS n FROM item_names"));
        Path names = files.writeRaw("R__10_item_names.sql", view(db, "item_names", "SELECT name FROM items"));
        Migrate migrate = Engines.over(db, files.directory());

        RunResult first = migrate.upgrade("head");

        assertThat(first.steps()).hasSize(2);
        assertThat(first.repeatables()).extracting(AppliedRepeatable::name).containsExactly("10_item_names", "20_item_count");
        assertThat(first.repeatables()).extracting(AppliedRepeatable::message).containsExactly("10_item_names", "how many items");
        assertThat(db.queryStrings("SELECT n FROM item_count")).containsExactly("2");
        assertThat(log(db)).containsExactly(A + " upgrade 1", B + " upgrade 1", "10_item_names repeatable 1",
                "20_item_count repeatable 1");
        assertThat(states(migrate)).containsEntry("10_item_names", RepeatableState.APPLIED)
                .containsEntry("20_item_count", RepeatableState.APPLIED);

        // Unchanged, or changed only in line endings and trailing blanks: nothing runs.
        Files.writeString(names, Files.readString(names).replace("\n", "\r\n") + "\r\n\r\n");
        RunResult again = migrate.upgrade("head");
        assertThat(again.isEmpty()).isTrue();
        assertThat(log(db)).hasSize(4);

        // An edit: that one alone runs again, and status said so first.
        Files.writeString(names, view(db, "item_names", "SELECT name FROM items WHERE id > 1"));
        assertThat(states(migrate)).containsEntry("10_item_names", RepeatableState.CHANGED)
                .containsEntry("20_item_count", RepeatableState.APPLIED);
        RunResult edited = migrate.upgrade("head");
        assertThat(edited.steps()).isEmpty();
        assertThat(edited.repeatables()).extracting(AppliedRepeatable::name).containsExactly("10_item_names");
        assertThat(db.queryStrings("SELECT n FROM item_count")).containsExactly("1");
        assertThat(log(db)).hasSize(5).last().isEqualTo("10_item_names repeatable 1");
        assertThat(migrate.current(false).revisions()).containsExactly(B);
        assertThat(migrate.status().atHead()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void onlyAnUpgradeToHeadAppliesThemAndADowngradeMakesTheNextOneApplyThemAgain(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = revisions();
        files.writeRaw("R__item_names.sql", view(db, "item_names", "SELECT name FROM items"));
        Migrate migrate = Engines.over(db, files.directory());

        RunResult partway = migrate.upgrade(A);
        assertThat(partway.repeatables()).isEmpty();
        assertThat(states(migrate)).containsEntry("item_names", RepeatableState.PENDING);
        assertThat(migrate.upgradeSql("base:" + A)).doesNotContain("item_names");

        migrate.upgrade("head");
        assertThat(states(migrate)).containsEntry("item_names", RepeatableState.APPLIED);

        RunResult down = migrate.downgrade(A);
        assertThat(down.repeatables()).isEmpty();
        assertThat(log(db)).last().isEqualTo(B + " downgrade 1");
        // the downgrade may have dropped what it made: the next upgrade to head applies it again, unchanged or not
        assertThat(states(migrate)).containsEntry("item_names", RepeatableState.PENDING);
        assertThat(migrate.upgrade("head").repeatables()).extracting(AppliedRepeatable::name).containsExactly("item_names");
        assertThat(migrate.upgrade("head").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailingOneIsReportedWithFileAndLineAndLeavesTheRevisionsApplied(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = revisions();
        files.writeRaw("R__10_item_names.sql", view(db, "item_names", "SELECT name FROM items"));
        // (SQLite creates a view over a table that is not there, and fails only when it is read)
        Path broken = files.writeRaw("R__20_broken.sql", "-- an index on a table that is not there\n\n"
                + "CREATE INDEX broken_id ON no_such_table (id);\n");
        Migrate migrate = Engines.over(db, files.directory());

        assertThatThrownBy(() -> migrate.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Repeatable script 20_broken failed at ")
                .hasMessageContaining("R__20_broken.sql:3")
                .hasMessageContaining("no_such_table")
                .hasMessageContaining("the database is at " + B)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .cause().isInstanceOfSatisfying(MigrationFailedException.class, failure -> {
                    assertThat(failure.line()).isEqualTo(3);
                    assertThat(failure.location()).endsWith("R__20_broken.sql");
                });

        assertThat(migrate.current(false).revisions()).containsExactly(B);
        assertThat(db.queryStrings("SELECT COUNT(*) FROM item_names")).containsExactly("2");
        assertThat(log(db)).containsExactly(A + " upgrade 1", B + " upgrade 1", "10_item_names repeatable 1",
                "20_broken repeatable 0");
        MigrationStatus status = migrate.status();
        assertThat(states(migrate)).containsEntry("10_item_names", RepeatableState.APPLIED)
                .containsEntry("20_broken", RepeatableState.FAILED);
        assertThat(status.failedAttempts()).singleElement().satisfies(failed ->
                assertThat(failed.describe()).startsWith("repeatable script 20_broken failed at line 3"));

        Files.writeString(broken, "CREATE VIEW broken AS SELECT * FROM items;\n");
        assertThat(migrate.upgrade("head").repeatables()).extracting(AppliedRepeatable::name).containsExactly("20_broken");
        assertThat(migrate.status().failedAttempts()).isEmpty();
        assertThat(states(migrate)).containsEntry("20_broken", RepeatableState.APPLIED);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void offlineSqlEndsWithEveryOneAndRecordsThemSoTheOnlineRunHasNothingLeft(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = revisions();
        files.writeRaw("R__item_names.sql", "-- names\n" + view(db, "item_names", "SELECT name FROM ${items_table}"));
        Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).dialect(db.kind())
                .scriptDirectory(files.directory()).parameter("items_table", "items").build());

        String sql = migrate.upgradeSql("base:head");
        assertThat(sql).contains("-- Running repeatable item_names, names");
        assertThat(sql.indexOf("-- Running repeatable")).isGreaterThan(sql.indexOf("INSERT INTO items"));
        assertThat(sql).contains("SELECT name FROM items").doesNotContain("${");
        assertThat(db.runScriptWithCli(sql)).isEmpty();

        assertThat(db.queryStrings("SELECT COUNT(*) FROM item_names")).containsExactly("2");
        assertThat(states(migrate)).containsEntry("item_names", RepeatableState.APPLIED);
        assertThat(migrate.upgrade("head").isEmpty()).isTrue();
        assertThat(migrate.downgradeSql("head:base")).doesNotContain("item_names");
    }

    /** PostgreSQL: a function in dollar quotes, and an index built concurrently, which no transaction may hold. */
    @Test
    void aFunctionAndANoTransactionScriptOnPostgres() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        ScriptFiles files = revisions();
        files.writeRaw("R__item_label.sql", """
                -- the label of an item
                CREATE OR REPLACE FUNCTION item_label(item_id integer) RETURNS text AS $$
                BEGIN
                    RETURN (SELECT name FROM items WHERE id = item_id) || '!';
                END;
                $$ LANGUAGE plpgsql;
                """);
        Path index = files.writeRaw("R__item_name_index.sql", """
                -- migrate:no-transaction
                CREATE INDEX CONCURRENTLY IF NOT EXISTS item_name ON items (name);
                CREATE INDEX CONCURRENTLY broken ON no_such_table (id);
                """);
        Migrate migrate = Engines.over(db, files.directory());

        assertThatThrownBy(() -> migrate.upgrade("head")).isInstanceOf(MigrateException.class)
                .hasMessageContaining("R__item_name_index.sql:3")
                .hasMessageContaining("outside a transaction (-- migrate:no-transaction): its statements before line 3 "
                        + "stay applied");
        assertThat(db.queryStrings("SELECT item_label(1)")).containsExactly("one!");
        assertThat(db.queryStrings("SELECT indexname FROM pg_indexes WHERE tablename = 'items'")).containsExactly("item_name");
        assertThat(states(migrate)).containsEntry("item_label", RepeatableState.APPLIED)
                .containsEntry("item_name_index", RepeatableState.FAILED);
        assertThat(migrate.status().failedAttempts()).singleElement()
                .satisfies(failed -> assertThat(failed.partlyApplied()).isTrue());

        Files.writeString(index, Files.readString(index).replace("ON no_such_table (id)", "ON items (id)"));
        assertThat(migrate.upgrade("head").repeatables()).extracting(AppliedRepeatable::name).containsExactly("item_name_index");
        assertThat(db.queryStrings("SELECT indexname FROM pg_indexes WHERE tablename = 'items' ORDER BY indexname"))
                .containsExactly("broken", "item_name");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void parametersApplyAndAnotherValueIsNoChange(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = revisions();
        files.writeRaw("R__item_names.sql", view(db, "item_names", "SELECT name, '${label}' AS label FROM items"));
        Path directory = files.directory();

        new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).dialect(db.kind()).scriptDirectory(directory)
                .parameter("label", "staging").build()).upgrade("head");
        assertThat(db.queryStrings("SELECT DISTINCT label FROM item_names")).containsExactly("staging");

        Migrate production = new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).dialect(db.kind())
                .scriptDirectory(directory).parameter("label", "production").build());
        assertThat(production.upgrade("head").isEmpty()).isTrue();

        // an unknown key stops the run before any revision runs
        files.write("cccc00000003", B, "more", "INSERT INTO items (id, name) VALUES (3, 'three');", "DELETE FROM items WHERE id = 3;");
        files.writeRaw("R__item_names.sql", view(db, "item_names", "SELECT name, '${other}' AS label FROM items"));
        assertThatThrownBy(() -> production.upgrade("head")).isInstanceOf(MigrateException.class)
                .hasMessageContaining("R__item_names.sql:")
                .hasMessageContaining("${other}");
        assertThat(production.current(false).revisions()).containsExactly(B);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDatabaseFromBeforeRepeatablesKeepsWorking(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = revisions();
        Migrate migrate = Engines.over(db, files.directory());
        migrate.upgrade("head");
        assertThat(migrate.status().repeatables()).isEmpty();
        List<String> before = log(db);

        files.writeRaw("R__item_names.sql", view(db, "item_names", "SELECT name FROM items"));
        assertThat(migrate.status().atHead()).isTrue();
        assertThat(states(migrate)).containsEntry("item_names", RepeatableState.PENDING);
        RunResult run = migrate.upgrade("head");

        assertThat(run.steps()).isEmpty();
        assertThat(run.repeatables()).extracting(AppliedRepeatable::name).containsExactly("item_names");
        assertThat(log(db)).startsWith(before.toArray(String[]::new)).hasSize(before.size() + 1);
        assertThat(migrate.status().editedAfterApplied()).isEmpty();
        assertThat(migrate.history(null, false, false).revisions()).containsExactly(B, A);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void scriptsWithoutAnyRevisionAreAppliedToo(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.writeRaw("R__answer.sql", "CREATE VIEW answer AS SELECT 42 AS n;\n");
        Migrate migrate = Engines.over(db, files.directory());

        assertThat(migrate.upgrade("heads").repeatables()).extracting(AppliedRepeatable::name).containsExactly("answer");
        assertThat(db.queryStrings("SELECT n FROM answer")).containsExactly("42");
        assertThat(migrate.upgrade("heads").isEmpty()).isTrue();
        assertThat(migrate.upgradeSql(null)).contains("CREATE VIEW answer AS SELECT 42 AS n;");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAdoptedDatabaseWithoutALogTableGetsOne(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = revisions();
        // As Flask-Migrate left it: the tables and alembic_version, no log table.
        db.execute("CREATE TABLE items (id INTEGER, name VARCHAR(40))");
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
        db.execute("INSERT INTO alembic_version (version_num) VALUES ('" + B + "')");
        files.writeRaw("R__item_names.sql", view(db, "item_names", "SELECT name FROM items"));
        Migrate migrate = Engines.over(db, files.directory());

        assertThat(states(migrate)).containsEntry("item_names", RepeatableState.PENDING);
        assertThat(migrate.upgrade("head").repeatables()).extracting(AppliedRepeatable::name).containsExactly("item_names");
        assertThat(log(db)).containsExactly("item_names repeatable 1");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNameThatIsARevisionIdKeepsItsOwnRecord(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = revisions();
        files.writeRaw("R__" + A + ".sql", "CREATE INDEX broken_id ON no_such_table (id);\n");
        Migrate migrate = Engines.over(db, files.directory());

        assertThatThrownBy(() -> migrate.upgrade("head")).isInstanceOf(MigrateException.class);
        MigrationStatus status = migrate.status();
        assertThat(status.applied()).extracting(MigrationStatus.Applied::revision).contains(A);
        assertThat(status.applied()).filteredOn(applied -> applied.revision().equals(A))
                .singleElement().satisfies(applied -> assertThat(applied.checksum()).isNotNull());
        assertThat(status.failedAttempts()).singleElement()
                .satisfies(failed -> assertThat(failed.direction()).isEqualTo("repeatable"));
        assertThat(status.editedAfterApplied()).isEmpty();

        // A later row of revision A does not settle the repeatable script's failure (the log read in SQL, as a
        // downgrade reads it, and in full, as status reads it).
        migrate.downgrade("base");
        assertThat(migrate.downgrade("base").earlierFailures()).singleElement()
                .satisfies(failed -> assertThat(failed.direction()).isEqualTo("repeatable"));
        assertThat(migrate.status().failedAttempts()).singleElement()
                .satisfies(failed -> assertThat(failed.direction()).isEqualTo("repeatable"));
    }
}
