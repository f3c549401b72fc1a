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
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;
import dev.migrate.testsupport.PostgresTest;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flask-Migrate loop on JPA entities: {@code migrate} writes the clinic's tables from Hibernate's mapping of the
 * entities, {@code upgrade} creates them, Hibernate then validates that schema and reads and writes every entity,
 * and {@code check} finds nothing. The schema our script made is the one Hibernate's own {@code create} makes.
 */
@PostgresTest
class EntityModelJourneyTest {

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
                EntityModelSource.of(Clinic.ENTITIES, EntityModelSettings.forDatabase(kind.dialect())));

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

        TestDatabase byHibernate = kind.create(tmp, "hibernate");
        HibernateApp.start(byHibernate, Clinic.ENTITIES, "create").close();
        List<Table> ours = database.canonicalTables();
        List<Table> hibernates = byHibernate.canonicalTables();
        if (kind == Kind.POSTGRESQL) {
            assertThat(ours).isEqualTo(hibernates);
        } else {
            // Hibernate's SQLite dialect cannot add constraints after CREATE TABLE, so its own export leaves out every
            // foreign key and every @Table(uniqueConstraints); our script writes them inline (docs: "Using JPA entities")
            assertThat(ours).flatExtracting(Table::foreignKeys).hasSize(4);
            assertThat(ours).flatExtracting(Table::uniqueConstraints).extracting(UniqueConstraint::name)
                    .contains("specialties_name_key");
            assertThat(hibernates).flatExtracting(Table::foreignKeys).isEmpty();
            assertThat(ours.stream().map(EntityModelJourneyTest::withoutSqliteExportGaps).toList())
                    .isEqualTo(hibernates.stream().map(EntityModelJourneyTest::withoutSqliteExportGaps).toList());
        }
    }

    /** The table without what Hibernate's SQLite export leaves out, and without the CREATE text SQLite keeps. */
    private static Table withoutSqliteExportGaps(Table table) {
        return new Table(table.name(), table.kind(), table.columns(), table.primaryKey(), List.of(),
                table.uniqueConstraints().stream().filter(unique -> unique.name() == null).toList(), table.indexes(),
                table.checks(), table.managed(), null);
    }
}
