package dev.migrate.clinic;

import dev.migrate.shell.DbCommandModeListener;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar demo-clinic-app.jar}: once the schema is upgraded and validated by Hibernate, a day at the clinic
 * is written and read back, printed as one line, and the app ends. Not in a one-shot {@code db} command, which the
 * starter runs instead.
 */
@Component
@ConditionalOnBooleanProperty(name = DbCommandModeListener.ACTIVE_PROPERTY, havingValue = false, matchIfMissing = true)
class ClinicRoundsRunner implements ApplicationRunner {

    private final ClinicRounds rounds;

    ClinicRoundsRunner(ClinicRounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        System.out.println(rounds.oneDay());
    }
}
