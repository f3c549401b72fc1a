package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import dev.migrate.runtime.MigrationCallback;
import dev.migrate.runtime.MigrationEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import static dev.migrate.it.BranchesTest.tableCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Callbacks around the run and each revision: called in order, on the run's connection inside the revision's
 * transaction (what they write commits or rolls back with it), and one that throws fails the run like a failing
 * statement, its message naming the callback.
 */
@dev.migrate.testsupport.PostgresTest
class CallbacksTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void callbacksAreCalledInOrderAroundTheRunAndEachRevision(Kind kind) {
        TestDatabase db = kind.create(tmp);
        List<String> calls = new ArrayList<>();
        Migrate migrate = engine(db, threeRevisions(), new Recorder("A", calls), new Recorder("B", calls));

        migrate.upgrade("r00000000002");

        assertThat(calls).containsExactly(
                "A beforeRun upgrade", "B beforeRun upgrade",
                "A beforeRevision r00000000001 one", "B beforeRevision r00000000001 one",
                "A afterRevision r00000000001 one", "B afterRevision r00000000001 one",
                "A beforeRevision r00000000002 two", "B beforeRevision r00000000002 two",
                "A afterRevision r00000000002 two", "B afterRevision r00000000002 two",
                "A afterRun upgrade [r00000000001, r00000000002]", "B afterRun upgrade [r00000000001, r00000000002]");

        calls.clear();
        migrate.downgrade("base");
        assertThat(calls).startsWith("A beforeRun downgrade", "B beforeRun downgrade",
                "A beforeRevision r00000000002 two").endsWith("B afterRun downgrade [r00000000002, r00000000001]");

        calls.clear();
        assertThat(migrate.upgradeSql("base:r00000000002")).contains("CREATE TABLE t2");
        assertThat(calls).as("offline SQL has no connection to give: no callback").isEmpty();

        migrate.upgrade("base");
        assertThat(calls).as("nothing pending: the run's callbacks only")
                .containsExactly("A beforeRun upgrade", "B beforeRun upgrade", "A afterRun upgrade []", "B afterRun upgrade []");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void whatARevisionCallbackWritesCommitsOrRollsBackWithItsRevision(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        db.execute("CREATE TABLE audit (revision VARCHAR(32), tables_seen INTEGER)");
        MigrationCallback audit = new MigrationCallback() {
            @Override
            public void afterRevision(MigrationEvent event) throws Exception {
                // Counts the revision's own tables from inside its transaction, then records it.
                String table = "t" + event.revision().orElseThrow().substring(11);
                try (PreparedStatement insert = event.connection().prepareStatement(
                        "INSERT INTO audit (revision, tables_seen) SELECT ?, (" + tableCount(db, table) + ")")) {
                    insert.setString(1, event.revision().orElseThrow());
                    insert.executeUpdate();
                }
            }
        };
        Migrate migrate = engine(db, threeRevisions(), audit);

        assertThatThrownBy(() -> migrate.upgrade("head")).isInstanceOf(MigrateException.class);

        assertThat(db.queryStrings("SELECT revision || ':' || tables_seen FROM audit ORDER BY revision"))
                .as("revision 3 failed after its callback's insert: both rolled back")
                .containsExactly("r00000000001:1", "r00000000002:1");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailingCallbackRollsBackItsRevisionAndTheMessageNamesIt(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        List<String> calls = new ArrayList<>();
        Migrate migrate = engine(db, threeRevisions(), new Recorder("A", calls), new FailsAfter("r00000000002"));

        assertThatThrownBy(() -> migrate.upgrade("r00000000002"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("upgrade of revision r00000000002 failed in callback "
                        + FailsAfter.class.getName() + " (afterRevision) of ")
                .hasMessageContaining("r00000000002_two.sql")
                .hasMessageContaining("grant refused")
                .hasMessageContaining("the database is at r00000000001")
                .hasMessageContaining("Fix the callback and run upgrade again")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        assertThat(migrate.current(false).revisions()).containsExactly("r00000000001");
        assertThat(db.queryStrings(tableCount(db, "t2"))).containsExactly("0");
        assertThat(db.queryStrings("SELECT revision || ' ' || error FROM migrate_log WHERE "
                + (db.kind().equals("sqlite") ? "success = 0" : "NOT success")))
                .singleElement().asString().startsWith("r00000000002 ").contains(FailsAfter.class.getName());
        assertThat(calls).endsWith("A afterRevision r00000000002 two", "A revisionFailed r00000000002 grant refused",
                "A runFailed upgrade grant refused");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailingAfterRunCallbackSaysTheRevisionsStayApplied(Kind kind) {
        TestDatabase db = kind.create(tmp);
        MigrationCallback refresh = new MigrationCallback() {
            @Override
            public void afterRun(MigrationEvent event) {
                throw new IllegalStateException("view refresh failed");
            }

            @Override
            public String name() {
                return "refresh-views";
            }
        };
        Migrate migrate = engine(db, threeRevisions(), refresh);

        assertThatThrownBy(() -> migrate.upgrade("r00000000001"))
                .isInstanceOf(MigrateException.class)
                .hasMessage("Upgrade stopped: callback refresh-views (afterRun) failed: java.lang.IllegalStateException: "
                        + "view refresh failed; the revisions of the run stay applied; the database is at r00000000001. "
                        + "Fix the callback and run upgrade again.");
        assertThat(migrate.current(false).revisions()).containsExactly("r00000000001");
    }

    /** The issue's own example: a materialized view refreshed after the run, on the suite's PostgreSQL. */
    @org.junit.jupiter.api.Test
    void anAfterRunCallbackRefreshesAMaterializedView() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("r00000000001", "", "sales", "CREATE TABLE sale (amount INTEGER);\n"
                + "CREATE MATERIALIZED VIEW sales_total AS SELECT COALESCE(SUM(amount), 0) AS total FROM sale;",
                "DROP MATERIALIZED VIEW sales_total;\nDROP TABLE sale;");
        files.write("r00000000002", "r00000000001", "first sales", "INSERT INTO sale VALUES (40), (2);", "DELETE FROM sale;");
        MigrationCallback refresh = new MigrationCallback() {
            @Override
            public void afterRun(MigrationEvent event) throws Exception {
                if (!event.applied().isEmpty()) {
                    try (var statement = event.connection().createStatement()) {
                        statement.execute("REFRESH MATERIALIZED VIEW sales_total");
                    }
                }
            }
        };

        engine(db, files, refresh).upgrade("head");

        assertThat(db.queryStrings("SELECT total FROM sales_total")).containsExactly("42");
    }

    private ScriptFiles threeRevisions() {
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("r00000000001", "", "one", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
        files.write("r00000000002", "r00000000001", "two", "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");
        files.write("r00000000003", "r00000000002", "three", "CREATE TABLE t3 (id INTEGER);\n"
                + "INSERT INTO no_such_table (id) VALUES (1);", "DROP TABLE t3;");
        return files;
    }

    private static Migrate engine(TestDatabase db, ScriptFiles files, MigrationCallback... callbacks) {
        MigrateConfig.Builder config = MigrateConfig.builder().dataSource(db.dataSource()).dialect(db.kind())
                .scriptDirectory(files.directory());
        for (MigrationCallback callback : callbacks) {
            config.callback(callback);
        }
        return new Migrate(config.build());
    }

    /** Writes one line per call. */
    private record Recorder(String name, List<String> calls) implements MigrationCallback {

        @Override
        public void beforeRun(MigrationEvent event) {
            calls.add(name + " beforeRun " + event.direction().label());
        }

        @Override
        public void beforeRevision(MigrationEvent event) {
            calls.add(name + " beforeRevision " + event.revision().orElseThrow() + " " + event.message());
        }

        @Override
        public void afterRevision(MigrationEvent event) {
            calls.add(name + " afterRevision " + event.revision().orElseThrow() + " " + event.message());
        }

        @Override
        public void revisionFailed(MigrationEvent event) {
            calls.add(name + " revisionFailed " + event.revision().orElseThrow() + " "
                    + (event.failure().getMessage().contains("grant refused") ? "grant refused" : event.failure().getMessage()));
        }

        @Override
        public void afterRun(MigrationEvent event) {
            calls.add(name + " afterRun " + event.direction().label() + " "
                    + event.applied().stream().map(step -> step.step().revision().id()).toList());
        }

        @Override
        public void runFailed(MigrationEvent event) {
            calls.add(name + " runFailed " + event.direction().label() + " "
                    + (event.failure().getMessage().contains("grant refused") ? "grant refused" : event.failure().getMessage()));
        }
    }

    /** Throws after the given revision's statements, as a failing GRANT would. */
    private record FailsAfter(String revision) implements MigrationCallback {

        @Override
        public void afterRevision(MigrationEvent event) throws Exception {
            if (event.revision().orElseThrow().equals(revision)) {
                throw new java.sql.SQLException("grant refused");
            }
        }
    }
}
