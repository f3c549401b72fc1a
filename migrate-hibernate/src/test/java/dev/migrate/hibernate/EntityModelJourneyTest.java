package dev.migrate.hibernate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.RevisionRequest;
import dev.migrate.hibernate.clinic.Address;
import dev.migrate.hibernate.clinic.Clinic;
import dev.migrate.hibernate.clinic.Owner;
import dev.migrate.hibernate.clinic.Pet;
import dev.migrate.hibernate.clinic.PetType;
import dev.migrate.hibernate.clinic.Specialty;
import dev.migrate.hibernate.clinic.Vet;
import dev.migrate.hibernate.clinic.Visit;
import dev.migrate.hibernate.features.Animal;
import dev.migrate.hibernate.features.Attachment;
import dev.migrate.hibernate.features.CardPayment;
import dev.migrate.hibernate.features.Cat;
import dev.migrate.hibernate.features.Document;
import dev.migrate.hibernate.features.Dog;
import dev.migrate.hibernate.features.Features;
import dev.migrate.hibernate.features.Invoice;
import dev.migrate.hibernate.features.Measurement;
import dev.migrate.hibernate.features.Payment;
import dev.migrate.hibernate.features.Recipe;
import dev.migrate.hibernate.features.Shelf;
import dev.migrate.schema.Index;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;
import dev.migrate.testsupport.PostgresTest;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flask-Migrate loop on JPA entities: {@code migrate} writes the clinic's tables from Hibernate's mapping of the
 * entities, {@code upgrade} creates them, Hibernate then validates that schema and reads and writes every entity,
 * and {@code check} finds nothing. The schema our script made is the one Hibernate's own {@code create} makes.
 */
@PostgresTest
class EntityModelJourneyTest {

    private static final UUID REFERENCE = UUID.fromString("0b5ad5f4-8ef5-4c2a-9a43-3bd5f7e0c8a1");

    @TempDir
    Path tmp;

    static Migrate engine(TestDatabase database, Path scripts, EntityModelSource models) throws java.io.IOException {
        java.nio.file.Files.createDirectories(scripts);
        return new Migrate(MigrateConfig.builder().dataSource(database.dataSource()).dialect(database.kind())
                .scriptDirectory(scripts).model(models).build());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void scriptFromEntitiesCreatesTheSchemaHibernateValidatesAndUses(Kind kind) throws Exception {
        TestDatabase database = kind.create(tmp, "app");
        Migrate engine = engine(database, tmp.resolve("migrations"),
                EntityModelSource.of(Clinic.ENTITIES, database.settings()));

        AutogenerateResult first = engine.migrate(RevisionRequest.withMessage("clinic"), RenameDecider.NEVER);
        assertThat(first.detected()).containsExactlyInAnyOrder("Detected added table 'owners'",
                "Detected added table 'pets'", "Detected added table 'visits'", "Detected added table 'vets'",
                "Detected added table 'specialties'", "Detected added table 'vets_specialties'");
        assertThat(first.warnings()).isEmpty();
        engine.upgrade("head");
        assertThat(engine.check().lines()).containsExactly("No new upgrade operations detected.");

        try (SessionFactory hibernate = HibernateApp.start(database, Clinic.ENTITIES, "validate")) {
            hibernate.inTransaction(session -> {
                Owner owner = new Owner("Jean", "Coleman", new Address("105 N. Lake St.", "Monona", "53716"),
                        "6085552654");
                session.persist(owner);
                Pet pet = new Pet("Samantha", LocalDate.of(2012, 9, 4), PetType.CAT, owner);
                session.persist(pet);
                session.persist(new Visit(LocalDateTime.of(2026, 12, 1, 9, 30), "rabies shot", new BigDecimal("45.50"),
                        pet));
                Specialty surgery = new Specialty("surgery");
                session.persist(surgery);
                Vet vet = new Vet("Linda", "Douglas");
                vet.getSpecialties().add(surgery);
                session.persist(vet);
            });
            hibernate.inTransaction(session -> {
                Pet pet = session.createSelectionQuery("from Pet", Pet.class).getSingleResult();
                pet.rename("Sam"); // @Version goes up
            });
            hibernate.inTransaction(session -> {
                Visit visit = session.createSelectionQuery("from Visit", Visit.class).getSingleResult();
                assertThat(visit.getFee()).isEqualByComparingTo("45.50");
                assertThat(visit.getPet().getName()).isEqualTo("Sam");
                assertThat(visit.getPet().getVersion()).isEqualTo(1);
                assertThat(visit.getPet().getType()).isEqualTo(PetType.CAT);
                assertThat(visit.getPet().getOwner().getAddress().getCity()).isEqualTo("Monona");
                Vet vet = session.createSelectionQuery("from Vet", Vet.class).getSingleResult();
                assertThat(vet.getSpecialties()).extracting(Specialty::getName).containsExactly("surgery");
            });
        }
        // the server defaults and the enum's check are in the database, not only in Hibernate's head
        assertThat(engine.check().upToDate()).isTrue();
        if (kind == Kind.SQLITE) {
            List<Table> ours = database.canonicalTables();
            assertThat(ours).flatExtracting(Table::foreignKeys).hasSize(4);
            assertThat(ours).flatExtracting(Table::uniqueConstraints).extracting(UniqueConstraint::name)
                    .contains("specialties_name_key");
        }
        assertSameAsHibernatesOwnCreate(kind, database, Clinic.ENTITIES);
    }

    /**
     * One entity per mapping feature: SINGLE_TABLE (one table, discriminator), JOINED (a key that refers to the parent
     * table), TABLE_PER_CLASS (no table for the abstract root), an element collection's table, a LOB, a converted field,
     * an {@code @Check}, an ordinal enum (with the check Hibernate 7 adds), and comments (PostgreSQL keeps them: the
     * same as Hibernate's own {@code create} writes; SQLite keeps none).
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyMappingFeatureRoundTripsThroughAScript(Kind kind) throws Exception {
        TestDatabase database = kind.create(tmp, "app");
        Migrate engine = engine(database, tmp.resolve("migrations"),
                EntityModelSource.of(Features.ENTITIES, database.settings()));

        AutogenerateResult first = engine.migrate(RevisionRequest.withMessage("features"), RenameDecider.NEVER);
        assertThat(first.detected()).containsExactlyInAnyOrder("Detected added table 'animals'",
                "Detected added table 'payments'", "Detected added table 'card_payments'",
                "Detected added table 'invoices'", "Detected added table 'recipes'", "Detected added table 'recipe_tags'",
                "Detected added table 'attachments'", "Detected added table 'measurements'",
                "Detected added table 'shelves'");
        String script = java.nio.file.Files.readString(first.script().path());
        if (kind == Kind.POSTGRESQL) {
            assertThat(script).contains("COMMENT ON TABLE shelves IS 'Shelves in the store';",
                    "COMMENT ON COLUMN shelves.place IS 'Where it stands, as the staff say it';",
                    "COMMENT ON COLUMN shelves.capacity IS 'How many boxes it holds';");
        } else {
            assertThat(script).doesNotContain("COMMENT ON");
        }
        engine.upgrade("head");
        assertThat(engine.check().lines()).containsExactly("No new upgrade operations detected.");

        try (SessionFactory hibernate = HibernateApp.start(database, Features.ENTITIES, "validate")) {
            hibernate.inTransaction(session -> {
                session.persist(new Dog("Rex", true));
                session.persist(new Cat("Tom", 9));
                session.persist(new CardPayment(new BigDecimal("12.30"), "4242"));
                session.persist(new Invoice(1, "December", LocalDate.of(2026, 12, 31)));
                Recipe recipe = new Recipe("Bread", 4, Recipe.Difficulty.MEDIUM, Duration.ofMinutes(90));
                recipe.getTags().add("baking");
                session.persist(recipe);
                session.persist(new Measurement(36.6, Instant.parse("2026-12-07T10:15:30Z"), REFERENCE));
                session.persist(new Shelf(1, "by the door", 12));
            });
            hibernate.inTransaction(session -> {
                assertThat(session.createSelectionQuery("from Animal a order by a.name", Animal.class).getResultList())
                        .extracting(Animal::getName).containsExactly("Rex", "Tom");
                assertThat(session.createSelectionQuery("from Payment", Payment.class).getSingleResult())
                        .isInstanceOf(CardPayment.class);
                assertThat(session.createSelectionQuery("from Document", Document.class).getSingleResult().getTitle())
                        .isEqualTo("December");
                Recipe recipe = session.createSelectionQuery("from Recipe", Recipe.class).getSingleResult();
                assertThat(recipe.getTags()).containsExactly("baking");
                assertThat(recipe.getPreparation()).isEqualTo(Duration.ofMinutes(90));
                assertThat(recipe.getDifficulty()).isEqualTo(Recipe.Difficulty.MEDIUM);
                Measurement measurement = session.createSelectionQuery("from Measurement", Measurement.class)
                        .getSingleResult();
                assertThat(measurement.getReading()).isEqualTo(36.6);
                assertThat(measurement.getReference()).isEqualTo(REFERENCE);
                assertThat(measurement.getTotal()).isEqualTo(java.math.BigInteger.TEN.pow(30));
            });
            if (kind == Kind.POSTGRESQL) { // the SQLite driver cannot read a LOB (see Attachment)
                hibernate.inTransaction(session -> session.persist(new Attachment(new byte[] {1, 2, 3})));
                hibernate.inTransaction(session -> assertThat(session.createSelectionQuery("from Attachment",
                        Attachment.class).getSingleResult().getContent()).containsExactly(1, 2, 3));
            }
        }
        assertThat(engine.check().lines()).containsExactly("No new upgrade operations detected.");
        assertSameAsHibernatesOwnCreate(kind, database, Features.ENTITIES);
        if (kind == Kind.POSTGRESQL) { // equal to Hibernate's, and not because neither has any
            Table shelves = database.reflect().table("shelves").orElseThrow();
            assertThat(shelves.comment()).isEqualTo("Shelves in the store");
            assertThat(shelves.column("capacity").orElseThrow().comment()).isEqualTo("How many boxes it holds");
        }
    }

    /**
     * The schema our script created, reflected, against the one Hibernate's {@code create} makes on an empty database
     * of the same kind, both in the dialect's canonical form (what the comparator itself compares).
     */
    private void assertSameAsHibernatesOwnCreate(Kind kind, TestDatabase database, List<Class<?>> entities)
            throws Exception {
        TestDatabase byHibernate = kind.create(tmp, "hibernate");
        HibernateApp.start(byHibernate, entities, "create").close();
        List<Table> ours = database.canonicalTables();
        List<Table> hibernates = byHibernate.canonicalTables();
        if (kind == Kind.POSTGRESQL) {
            assertThat(ours).isEqualTo(hibernates);
        } else {
            // Hibernate's SQLite dialect cannot add constraints after CREATE TABLE, so its own export leaves out every
            // foreign key and every @Table(uniqueConstraints); our script writes them inline (docs: "Using JPA entities")
            assertThat(hibernates).flatExtracting(Table::foreignKeys).isEmpty();
            assertThat(ours.stream().map(EntityModelJourneyTest::withoutSqliteExportGaps).toList())
                    .isEqualTo(hibernates.stream().map(EntityModelJourneyTest::withoutSqliteExportGaps).toList());
        }
    }

    /**
     * The table without what Hibernate's SQLite export leaves out, and without the text SQLite keeps as it was
     * written: its CREATE statements and the declared spelling of each type (Hibernate writes {@code integer}, our
     * script {@code INTEGER}); what the types mean is compared, as the comparator does.
     */
    static Table withoutSqliteExportGaps(Table table) {
        return new Table(table.name(), table.kind(),
                table.columns().stream().map(column -> column.withType(column.type().meaning())).toList(),
                table.primaryKey(), List.of(),
                table.uniqueConstraints().stream().filter(unique -> unique.name() == null).toList(),
                table.indexes().stream().map(Index::withoutDefinition).toList(),
                table.checks(), table.managed(), null);
    }
}
