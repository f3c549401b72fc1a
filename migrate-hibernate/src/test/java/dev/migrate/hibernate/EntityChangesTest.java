package dev.migrate.hibernate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.hibernate.clinic.Clinic;
import dev.migrate.hibernate.clinic.Owner;
import dev.migrate.hibernate.clinic.Pet;
import dev.migrate.hibernate.clinic.Specialty;
import dev.migrate.hibernate.clinic.Vet;
import dev.migrate.testsupport.PostgresTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edits to entities generate exactly those changes: a longer {@code @Column(length)}, a new field and a new
 * {@code @Index} on {@code Visit} give three operations on {@code visits} and nothing else; then a field renamed with
 * its {@code @Column(name)} kept gives nothing, a renamed field a column rename (asked, accepted), a new association
 * a column and its foreign key, and removed entities their tables. Each time, upgraded, the database is at the
 * entities again and {@code migrate} finds nothing more to write.
 */
@PostgresTest
class EntityChangesTest {

    private static final List<Class<?>> CHANGED = List.of(Owner.class, Pet.class,
            dev.migrate.hibernate.clinic.changed.Visit.class, Vet.class, Specialty.class);

    private static final List<Class<?>> LATER = List.of(Owner.class, Pet.class,
            dev.migrate.hibernate.clinic.later.Visit.class);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachEntityEditGeneratesExactlyItsChange(Kind kind) throws Exception {
        TestDatabase database = kind.create(tmp, "app");
        Path scripts = tmp.resolve("migrations");
        EntityModelSettings settings = database.settings();
        Migrate before = EntityModelJourneyTest.engine(database, scripts, EntityModelSource.of(Clinic.ENTITIES, settings));
        before.migrate(RevisionRequest.withMessage("clinic"), RenameDecider.NEVER);
        before.upgrade("head");
        database.dataSource().getConnection().createStatement().execute(
                "INSERT INTO owners (first_name, last_name, street, city) VALUES ('Jean', 'Coleman', 'Lake St.', 'Monona')");

        Migrate after = EntityModelJourneyTest.engine(database, scripts, EntityModelSource.of(CHANGED, settings));
        AutogenerateResult changed = after.migrate(RevisionRequest.withMessage("visit notes"), RenameDecider.NEVER);

        assertThat(changed.detected()).containsExactlyInAnyOrder(
                "Detected type change from VARCHAR(255) to VARCHAR(500) on 'visits.description'",
                "Detected added column 'visits.notes'",
                "Detected added index 'visits_visit_date_idx' on 'visits' (visit_date)");
        assertThat(changed.warnings()).isEmpty();
        after.upgrade("head");
        assertThat(after.check().lines()).containsExactly("No new upgrade operations detected.");
        assertThat(after.migrate(RevisionRequest.withMessage("nothing"), RenameDecider.NEVER).wroteScript()).isFalse();
        assertThat(database.reflect().table("visits").orElseThrow().column("description").orElseThrow().type().length())
                .isEqualTo(500);

        // a field renamed with its @Column(name) kept: nothing; notes renamed remarks: a rename, asked and accepted;
        // a new association: a column and its foreign key; Vet and Specialty removed: their three tables
        Migrate later = EntityModelJourneyTest.engine(database, scripts, EntityModelSource.of(LATER, settings));
        AutogenerateResult edited = later.migrate(RevisionRequest.withMessage("billing"), RenameDecider.ALWAYS);
        assertThat(edited.detected()).containsExactlyInAnyOrder(
                "Detected renamed column 'visits.notes' to 'visits.remarks'",
                "Detected added column 'visits.billed_to_id'",
                "Detected added foreign key " + billedTo(kind) + " 'visits' (billed_to_id) -> 'owners' (id)",
                "Detected removed table 'vets_specialties'", "Detected removed table 'vets'",
                "Detected removed table 'specialties'");
        later.upgrade("head");
        assertThat(later.check().lines()).containsExactly("No new upgrade operations detected.");
        assertThat(database.reflect().tables()).extracting(dev.migrate.schema.Table::name)
                .containsExactlyInAnyOrder("owners", "pets", "visits");
    }

    /** Hibernate's generated name for the new foreign key, as the database keeps it. */
    private static String billedTo(Kind kind) {
        return "'" + (kind == Kind.POSTGRESQL ? "fk" : "FK") + "ljjxmhpdt9v0eosom421n8m82" + "'";
    }
}
