package dev.migrate.autoconfigure;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import dev.migrate.graph.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Brings the database to the target while the context starts, before any bean that uses the database
 * (the {@link MigrateDatabaseInitializerDetector} makes them wait for this bean).
 */
public class MigrateInitializer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(MigrateInitializer.class);

    private final Migrate migrate;
    private final MigrationStrategy strategy;
    private final MigrateProperties properties;

    public MigrateInitializer(Migrate migrate, MigrationStrategy strategy, MigrateProperties properties) {
        this.migrate = migrate;
        this.strategy = strategy;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (strategy != null) {
            strategy.migrate(migrate);
            return;
        }
        switch (properties.getOnStartup()) {
            case UPGRADE -> migrate.upgrade(properties.getTarget());
            case VALIDATE -> validate();
            case NONE -> log.debug("migrate.on-startup=none: the database is left as it is");
        }
    }

    private void validate() {
        Plan plan = migrate.planUpgrade(properties.getTarget());
        if (!plan.isEmpty()) {
            throw new MigrateException("The database is at " + describe(plan) + " but the scripts go to "
                    + String.join(", ", plan.toHeads()) + " (" + plan.steps().size()
                    + " revision(s) pending); run 'db upgrade' or set migrate.on-startup=upgrade");
        }
    }

    private static String describe(Plan plan) {
        return plan.fromHeads().isEmpty() ? "base" : String.join(", ", plan.fromHeads());
    }
}
