package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.IncludeObject;
import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.AutogenerateSettings;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static dev.migrate.it.autogenerate.StoreItems.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tables that other libraries of a Spring application create (Spring Batch, Spring Session, Quartz, ShedLock,
 * Spring Integration, Spring Modulith, Flyway, Liquibase) are no model's, yet never proposed for dropping unless
 * the built-in list is turned off.
 */
class LibraryTablesTest {

    /** One table of each library, under the names the libraries' own schema scripts give them. */
    private static final List<String> LIBRARY_TABLES = List.of("BATCH_JOB_INSTANCE", "BATCH_STEP_EXECUTION_CONTEXT",
            "BATCH_JOB_SEQ", "SPRING_SESSION", "SPRING_SESSION_ATTRIBUTES", "QRTZ_JOB_DETAILS", "QRTZ_FIRED_TRIGGERS",
            "QRTZ_LOCKS", "shedlock", "INT_MESSAGE", "INT_LOCK", "INT_METADATA_STORE", "EVENT_PUBLICATION",
            "flyway_schema_history", "DATABASECHANGELOG", "DATABASECHANGELOGLOCK");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void otherLibrariesTablesAreNotDroppedUnlessTheListIsTurnedOff(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(with(StoreItems.Items1.class));
        engine.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER);
        engine.upgrade("head");
        for (String table : LIBRARY_TABLES) {
            db.execute("CREATE TABLE " + table + " (ID BIGINT NOT NULL PRIMARY KEY, NAME VARCHAR(100))");
        }
        db.execute("CREATE TABLE batch_report (id INTEGER PRIMARY KEY)");

        // a table of the application's own that merely looks like one is still no model's: dropped
        assertThat(engine.check().differences()).containsExactly("Detected removed table 'batch_report'");
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("drops"), RenameDecider.NEVER);
        String script = Journey.read(result.script().path());
        assertThat(script).contains("DROP TABLE batch_report;");
        for (String table : LIBRARY_TABLES) {
            assertThat(script.toLowerCase()).doesNotContain(table.toLowerCase());
        }
        Journey.delete(result.script().path());

        journey.settings = new AutogenerateSettings(IncludeObject.ALL, false, null, false);
        Migrate listOff = journey.engine(with(StoreItems.Items1.class));
        List<String> differences = listOff.check().differences();
        assertThat(differences).hasSize(LIBRARY_TABLES.size() + 1).contains("Detected removed table 'batch_report'");
        String all = String.join("\n", differences).toLowerCase();
        for (String table : LIBRARY_TABLES) {
            assertThat(all).contains("detected removed table '" + table.toLowerCase() + "'");
        }
        AutogenerateResult dropping = listOff.migrate(RevisionRequest.withMessage("drop all"), RenameDecider.NEVER);
        String dropAll = Journey.read(dropping.script().path()).toLowerCase();
        for (String table : LIBRARY_TABLES) {
            assertThat(dropAll).containsPattern("drop table \"?" + table.toLowerCase() + "\"?;");
        }
    }

    /**
     * A sequence made by hand in a revision, on PostgreSQL: annotated records cannot declare sequences, so models that
     * declare none say nothing about it, and autogenerate must not drop it.
     */
    @org.junit.jupiter.api.Test
    void aHandMadeSequenceIsNotDroppedByModelsThatDeclareNoSequence() throws Exception {
        TestDatabase db = Kind.POSTGRESQL.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(with(StoreItems.Items1.class));
        engine.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER);
        engine.upgrade("head");
        db.execute("CREATE SEQUENCE invoice_numbers START WITH 1000");

        assertThat(engine.check().lines()).containsExactly("No new upgrade operations detected.");
    }
}
