package dev.migrate.hibernate;

import dev.migrate.autogenerate.IncludeObject;
import dev.migrate.autogenerate.ObjectKind;
import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateSettings;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.RevisionRequest;
import dev.migrate.hibernate.sequences.Receipt;
import dev.migrate.hibernate.sequences.Ticket;
import dev.migrate.schema.Schema;
import dev.migrate.testsupport.PostgresTest;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequence-backed ids on PostgreSQL: the sequences Hibernate expects ({@code @SequenceGenerator} with its allocation
 * size, and {@code GenerationType.AUTO}'s own) are created by the script, so that Hibernate validates the schema and
 * persists rows; a changed allocation size is an ALTER SEQUENCE, a removed entity's sequence is dropped, and the
 * downgrade puts each back.
 */
@PostgresTest
class EntitySequencesTest {

    @TempDir
    Path tmp;

    @Test
    void sequencesHibernateExpectsAreCreatedAlteredAndDropped() throws Exception {
        TestDatabase database = Kind.POSTGRESQL.create(tmp, "app");
        Path scripts = tmp.resolve("migrations");
        EntityModelSettings settings = database.settings();
        List<Class<?>> entities = List.of(Ticket.class, Receipt.class);
        Migrate engine = EntityModelJourneyTest.engine(database, scripts, EntityModelSource.of(entities, settings));

        AutogenerateResult first = engine.migrate(RevisionRequest.withMessage("tickets"), RenameDecider.NEVER);
        assertThat(first.detected()).containsExactlyInAnyOrder("Detected added table 'tickets'",
                "Detected added table 'receipts'", "Detected added sequence 'ticket_ids' (start 1, increment 50)",
                "Detected added sequence 'receipts_seq' (start 1, increment 50)");
        assertThat(Files.readString(first.script().path()))
                .contains("CREATE SEQUENCE ticket_ids START WITH 1 INCREMENT BY 50", "DROP SEQUENCE ticket_ids");
        engine.upgrade("head");
        assertThat(engine.check().lines()).containsExactly("No new upgrade operations detected.");

        try (SessionFactory hibernate = HibernateApp.start(database, entities, "validate")) {
            hibernate.inTransaction(session -> {
                session.persist(new Ticket("first"));
                session.persist(new Ticket("second"));
                session.persist(new Receipt(12));
            });
            hibernate.inTransaction(session -> assertThat(session.createSelectionQuery(
                    "select t.id from Ticket t order by t.id", Long.class).getResultList()).containsExactly(1L, 2L));
        }
        assertThat(engine.check().lines()).containsExactly("No new upgrade operations detected.");

        // 20 ids per round trip instead of 50, and Receipt gone: an ALTER, then its table and its sequence dropped
        List<Class<?>> later = List.of(dev.migrate.hibernate.sequences.later.Ticket.class);
        Migrate after = EntityModelJourneyTest.engine(database, scripts, EntityModelSource.of(later, settings));
        AutogenerateResult changed = after.migrate(RevisionRequest.withMessage("smaller batches"), RenameDecider.NEVER);
        assertThat(changed.detected()).containsExactlyInAnyOrder(
                "Detected changed sequence 'ticket_ids': start 1 to 1, increment 50 to 20",
                "Detected removed table 'receipts'",
                "Detected removed sequence 'receipts_seq' (the downgrade creates it again from its start value)");
        assertThat(Files.readString(changed.script().path()))
                .contains("ALTER SEQUENCE ticket_ids START WITH 1 INCREMENT BY 20",
                        "ALTER SEQUENCE ticket_ids START WITH 1 INCREMENT BY 50", "DROP SEQUENCE receipts_seq");
        after.upgrade("head");
        assertThat(after.check().lines()).containsExactly("No new upgrade operations detected.");
        assertThat(after.migrate(RevisionRequest.withMessage("nothing"), RenameDecider.NEVER).wroteScript()).isFalse();
        assertThat(standalone(database)).containsExactly(Schema.Sequence.standalone("ticket_ids", 1, 20));
        try (SessionFactory hibernate = HibernateApp.start(database, later, "validate")) {
            hibernate.inTransaction(session -> session.persist(new dev.migrate.hibernate.sequences.later.Ticket("third")));
            hibernate.inTransaction(session -> assertThat(session.createSelectionQuery(
                    "select count(t) from Ticket t", Long.class).getSingleResult()).isEqualTo(3L));
        }

        after.downgrade("-1");
        assertThat(standalone(database)).containsExactlyInAnyOrder(Schema.Sequence.standalone("ticket_ids", 1, 50),
                Schema.Sequence.standalone("receipts_seq", 1, 50));
        after.upgrade("head");
        assertThat(standalone(database)).containsExactly(Schema.Sequence.standalone("ticket_ids", 1, 20));
        assertThat(after.check().lines()).containsExactly("No new upgrade operations detected.");
    }

    /**
     * SQLite has no sequences: Hibernate emulates each with a one-row table ({@code next_val}). The upgrade that creates
     * such a table also inserts its first row, as Hibernate's own export does, so that Hibernate draws ids right after
     * a fresh {@code db upgrade}.
     */
    @Test
    void onSqliteTheUpgradeFillsTheTablesThatEmulateSequences() throws Exception {
        TestDatabase database = Kind.SQLITE.create(tmp, "app");
        List<Class<?>> entities = List.of(Ticket.class, Receipt.class);
        Migrate engine = EntityModelJourneyTest.engine(database, tmp.resolve("migrations"),
                EntityModelSource.of(entities, database.settings()));
        AutogenerateResult first = engine.migrate(RevisionRequest.withMessage("tickets"), RenameDecider.NEVER);
        assertThat(first.detected()).containsExactlyInAnyOrder("Detected added table 'tickets'",
                "Detected added table 'receipts'", "Detected added table 'ticket_ids'",
                "Detected added table 'receipts_seq'");
        String script = Files.readString(first.script().path());
        String upgrade = script.substring(0, script.indexOf("migrate:downgrade"));
        assertThat(upgrade).containsPattern("(?i)insert into ticket_ids .*values \\( ?1 ?\\);")
                .containsPattern("(?i)insert into receipts_seq .*values \\( ?1 ?\\);");
        assertThat(upgrade.toLowerCase(java.util.Locale.ROOT).indexOf("insert into ticket_ids"))
                .isGreaterThan(upgrade.indexOf("CREATE TABLE ticket_ids"));
        engine.upgrade("head");
        assertThat(engine.check().lines()).containsExactly("No new upgrade operations detected.");

        // Hibernate draws from the table in a transaction of its own, on a second connection (as from a real pool)
        try (SessionFactory hibernate = HibernateApp.start(database, entities, "validate",
                java.util.Map.of("hibernate.connection.pool_size", 2))) {
            hibernate.inTransaction(session -> {
                session.persist(new Ticket("first"));
                session.persist(new Ticket("second"));
                session.persist(new Receipt(12));
            });
            hibernate.inTransaction(session -> assertThat(session.createSelectionQuery(
                    "select t.title from Ticket t order by t.id", String.class).getResultList())
                    .containsExactly("first", "second"));
        }
        assertThat(engine.check().lines()).containsExactly("No new upgrade operations detected.");
        engine.downgrade("base"); // the tables and their rows go; Hibernate's own HTE_ tables stay
        assertThat(database.reflect().tables()).extracting(dev.migrate.schema.Table::name)
                .containsExactlyInAnyOrder("HTE_receipts", "HTE_tickets");
    }

    /**
     * A sequence made by hand in a revision, which annotated records cannot declare: the models do not have it, so
     * autogenerate drops it, unless the user's IncludeObject leaves sequences of that name alone.
     */
    @Test
    void aSequenceNoModelHasIsDroppedUnlessIncludeObjectLeavesItAlone() throws Exception {
        TestDatabase database = Kind.POSTGRESQL.create(tmp, "app");
        try (Connection connection = database.dataSource().getConnection()) {
            connection.createStatement().execute("CREATE SEQUENCE invoice_numbers START WITH 1000 INCREMENT BY 1");
        }
        EntityModelSource models = EntityModelSource.of(List.of(Ticket.class), database.settings());

        Migrate dropping = EntityModelJourneyTest.engine(database, tmp.resolve("dropping"), models);
        assertThat(dropping.migrate(RevisionRequest.withMessage("tickets"), RenameDecider.NEVER).detected())
                .contains("Detected removed sequence 'invoice_numbers' (the downgrade creates it again from its start "
                        + "value)");

        IncludeObject handMade = (kind, name, object, reflected, comparedTo) ->
                !(kind == ObjectKind.SEQUENCE && name.equals("invoice_numbers"));
        Files.createDirectories(tmp.resolve("keeping"));
        Migrate keeping = new Migrate(MigrateConfig.builder().dataSource(database.dataSource()).dialect("postgresql")
                .scriptDirectory(tmp.resolve("keeping")).model(models)
                .autogenerate(new AutogenerateSettings(handMade, false)).build());
        assertThat(keeping.migrate(RevisionRequest.withMessage("tickets"), RenameDecider.NEVER).detected())
                .containsExactlyInAnyOrder("Detected added table 'tickets'",
                        "Detected added sequence 'ticket_ids' (start 1, increment 50)");
        keeping.upgrade("head");
        assertThat(standalone(database)).containsExactlyInAnyOrder(Schema.Sequence.standalone("ticket_ids", 1, 50),
                Schema.Sequence.standalone("invoice_numbers", 1000, 1));
    }

    private static List<Schema.Sequence> standalone(TestDatabase database) throws Exception {
        return database.reflect().sequences().stream().filter(sequence -> !sequence.owned()).toList();
    }
}
