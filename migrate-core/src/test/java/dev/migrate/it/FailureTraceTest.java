package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import dev.migrate.command.MigrationStatus;
import dev.migrate.runtime.FailedAttempt;
import dev.migrate.runtime.RunResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A failed revision leaves a row in the log, with its line, and {@code db status} and the next upgrade say
 * "revision X failed at line N on <date>", adding "part of it may be applied" where it ran without a
 * transaction.
 */
class FailureTraceTest {

    private static final String DATE = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNoTransactionRevisionThatFailedPartWayIsReportedUntilItRuns(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        db.execute("CREATE TABLE applied (x VARCHAR(20) NOT NULL)");
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        // Line 9 runs, line 10 fails.
        Path script = files.writeRaw("n00000000001_fill.sql", """
                -- fill
                --
                -- Revision ID: n00000000001
                -- Revises:
                -- Create Date: 2026-11-21 10:00:00.000000
                -- migrate:no-transaction

                -- migrate:upgrade
                INSERT INTO applied (x) VALUES ('first');
                INSERT INTO no_such_table (x) VALUES ('second');

                -- migrate:downgrade
                DELETE FROM applied;
                """);
        Migrate migrate = Engines.over(db, files.directory());

        assertThatThrownBy(() -> migrate.upgrade("head")).isInstanceOf(MigrateException.class)
                .hasMessageContaining("n00000000001_fill.sql:10");
        assertThat(db.queryStrings("SELECT error FROM migrate_log WHERE revision = 'n00000000001'"))
                .singleElement().asString().startsWith("line 10").contains("no_such_table");

        MigrationStatus status = migrate.status();
        assertThat(status.failedAttempts()).singleElement().satisfies(failed -> {
            assertThat(failed.revision()).isEqualTo("n00000000001");
            assertThat(failed.line()).isEqualTo(10);
            assertThat(failed.partlyApplied()).isTrue();
            assertThat(failed.describe()).matches("revision n00000000001 failed at line 10 on " + DATE
                    + "; part of it may be applied");
        });
        assertThat(status.pending()).extracting(MigrationStatus.Pending::revision).containsExactly("n00000000001");

        Files.writeString(script, Files.readString(script).replace("INSERT INTO applied (x) VALUES ('first');\n", "")
                .replace("no_such_table", "applied"));
        RunResult run = migrate.upgrade("head");
        assertThat(run.earlierFailures()).extracting(FailedAttempt::describe).singleElement().asString()
                .matches("revision n00000000001 failed at line 10 on " + DATE + "; part of it may be applied");
        assertThat(migrate.status().failedAttempts()).isEmpty();
        assertThat(migrate.upgrade("head").earlierFailures()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTransactionalRevisionThatFailedIsReportedWithoutPartOfIt(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("r00000000001", "", "one", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
        files.write("r00000000002", "r00000000001", "two", "CREATE TABLE t2 (id INTEGER);\nINSERT INTO nowhere VALUES (1);",
                "DROP TABLE t2;");
        Migrate migrate = Engines.over(db, files.directory());

        assertThatThrownBy(() -> migrate.upgrade("head")).isInstanceOf(MigrateException.class);

        assertThat(migrate.status().failedAttempts()).extracting(FailedAttempt::describe).singleElement().asString()
                .matches("revision r00000000002 failed at line 11 on " + DATE);
        // Trying again (and failing again) is another attempt, and another row.
        assertThatThrownBy(() -> migrate.upgrade("head")).isInstanceOf(MigrateException.class);
        assertThat(db.queryStrings("SELECT revision FROM migrate_log WHERE "
                + (db.kind().equals("sqlite") ? "success = 0" : "NOT success"))).containsExactly("r00000000002", "r00000000002");
    }
}
