package dev.migrate.clinic;

import dev.migrate.command.CheckResult;
import dev.migrate.command.Migrate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clinic in one JVM on a fresh database: the starter runs the committed scripts at startup (written by
 * {@code db migrate} from the entities), Hibernate validates the result ({@code ddl-auto=validate}: the context
 * would not start otherwise), the repositories write and read every entity, and {@code db check} finds nothing to do.
 * Each database's subclass gives the data source.
 */
abstract class ClinicEntitiesContract {

    @Autowired
    ClinicRounds rounds;

    @Autowired
    Migrate migrate;

    @Test
    void theRepositoriesWriteAndReadEveryEntityOnTheMigratedSchema() {
        // the app's runner has had one day at startup already
        ClinicRounds.Day day = rounds.oneDay();

        assertThat(day.owners()).isEqualTo(2);
        assertThat(day.pets()).isEqualTo(2);
        assertThat(day.visits()).isEqualTo(2);
        assertThat(day.vets()).isEqualTo(2);
        assertThat(day.specialties()).as("found again by name, unique").isEqualTo(2);
        assertThat(day.vetSpecialties()).as("through the join table").containsExactly("Leary [radiology, surgery]");
        assertThat(day.lastVisit()).isEqualTo("Leo (CAT, one of 1 pet(s) of an owner in Madison): rabies shot, 45.50 unpaid");
    }

    @Test
    void dbCheckFindsTheEntitiesAndTheMigratedDatabaseInAgreement() {
        CheckResult check = migrate.check();

        assertThat(check.lines()).containsExactly("No new upgrade operations detected.");
        assertThat(check.upToDate()).isTrue();
    }
}
