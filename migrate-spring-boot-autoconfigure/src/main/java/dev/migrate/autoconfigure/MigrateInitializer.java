package dev.migrate.autoconfigure;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import dev.migrate.command.MigrationStatus;
import dev.migrate.command.ScriptOrigin;
import dev.migrate.fleet.Fleet;
import dev.migrate.fleet.FleetResult;
import dev.migrate.graph.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings the database to the target while the context starts, before any bean that uses the database
 * (the {@link MigrateDatabaseInitializerDetector} makes them wait for this bean). Reads the packaged scripts
 * ({@code migrate.locations}), never the working tree's {@code migrate.script-directory}, and logs which.
 * With several engines (several databases) each is brought up in turn, in {@link MigrateEngines}' order, all before
 * any bean that uses a database; {@code migrate.target} applies to the primary engine (the others go to their
 * heads), {@code migrate.on-startup}, {@code migrate.on-unknown-revision} and the {@link MigrationStrategy} to each.
 * With a {@link Fleet}, its targets come after the engines, in place of the engine they share, each with the same startup
 * behaviour, {@code migrate.fleet.parallelism} at a time (a {@link MigrationStrategy} is then called from several threads).
 */
public class MigrateInitializer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(MigrateInitializer.class);

    private static final int MAX_LISTED = 10;

    private final Map<String, Migrate> engines;
    private final Migrate primary;
    private final MigrationStrategy strategy;
    private final MigrateProperties properties;
    private final Fleet fleet;

    public MigrateInitializer(Migrate migrate, MigrationStrategy strategy, MigrateProperties properties) {
        this(Map.of("migrate", migrate), migrate, strategy, properties);
    }

    public MigrateInitializer(Map<String, Migrate> engines, Migrate primary, MigrationStrategy strategy,
                              MigrateProperties properties) {
        this(engines, primary, strategy, properties, null);
    }

    /**
     * @param engines the engines by bean name, in the order they are brought up
     * @param primary the engine {@code migrate.target} applies to; null: every engine
     * @param fleet the fleet brought up after the engines, in place of the engine it replaces ({@link Fleet#template()});
     *              null: none
     */
    public MigrateInitializer(Map<String, Migrate> engines, Migrate primary, MigrationStrategy strategy,
                              MigrateProperties properties, Fleet fleet) {
        this.engines = new LinkedHashMap<>(engines);
        this.primary = primary;
        this.strategy = strategy;
        this.properties = properties;
        this.fleet = fleet;
        if (fleet != null) {
            this.engines.values().removeIf(fleet::replaces);
        }
    }

    /**
     * Runs the startup behaviour. A {@link MigrateException} is rethrown as a new one carrying the same
     * one-line message and no cause (the engine's exception is attached, inside an {@link EngineStartupFailure} that
     * names the engine and its database for the failure report, as suppressed), so that the last
     * "Caused by" of Boot's startup failure is the line that says what failed, where and what to do, rather
     * than the driver's bare SQL error. With several engines the message starts with the failing engine's bean name,
     * and the engines after it are not brought up.
     */
    @Override
    public void afterPropertiesSet() {
        engines.forEach((name, engine) -> {
            try {
                run(engine, primary == null || engine == primary ? properties.getTarget() : "heads", true);
            } catch (MigrateException e) {
                throw EngineStartupFailure.of(name, engine, engines.size() > 1 || fleet != null, e);
            }
        });
        if (fleet != null) {
            runFleet();
        }
    }

    /**
     * Every fleet target as an engine of its own (the same startup behaviour each), migrate.fleet.parallelism at a time;
     * a target's failure stops only that target, and once all ran, fails the startup naming each failed target unless
     * migrate.fleet.on-failure=continue.
     */
    private void runFleet() {
        Fleet packaged = fleet.withPackagedScripts();
        if (!packaged.targets().isEmpty() && (strategy != null || properties.getOnStartup() != MigrateProperties.OnStartup.NONE)) {
            logScriptSource(fleet.targets().get(0).migrate(), packaged.targets().get(0).migrate());
        }
        boolean upgrading = strategy != null || properties.getOnStartup() == MigrateProperties.OnStartup.UPGRADE;
        FleetResult<Object> result = packaged.run("startup", target -> {
            if (upgrading && packaged.createsSchemas()) {
                target.createSchemaIfMissing();
            }
            run(target.migrate(), properties.getTarget(), false);
            return null;
        });
        result.failureSummary().ifPresent(summary -> {
            if (properties.getFleet().getOnFailure() == MigrateProperties.Fleet.OnFailure.FAIL) {
                throw new MigrateException("Fleet: " + summary + "; fix each failed target and start again, or set "
                        + "migrate.fleet.on-failure=continue to start with them behind");
            }
            log.warn("Fleet: {}; starting with them behind (migrate.fleet.on-failure=continue)", summary);
        });
    }

    private void run(Migrate engine, String target, boolean logSource) {
        // The running application's scripts are the packaged ones: a jar started inside a checkout must not pick up
        // the checkout's script directory (which only the db commands read, as that is where they write).
        Migrate migrate = engine.withPackagedScripts();
        if (logSource && (strategy != null || properties.getOnStartup() != MigrateProperties.OnStartup.NONE)) {
            logScriptSource(engine, migrate);
        }
        if (strategy != null) {
            strategy.migrate(migrate);
            return;
        }
        if (properties.getOnStartup() != MigrateProperties.OnStartup.NONE && databaseAhead(migrate)) {
            return;
        }
        switch (properties.getOnStartup()) {
            case UPGRADE -> migrate.upgrade(target);
            case VALIDATE -> validate(migrate, target);
            case NONE -> log.debug("migrate.on-startup=none: the database is left as it is");
        }
    }

    /**
     * Whether the version table holds revisions no script knows: an application rolled back to an older image
     * whose database a newer one migrated. Nothing can be planned from there, and failing would make the rollback
     * crash-loop, so by default the application starts as it is, with a WARN (health then says AHEAD).
     */
    private boolean databaseAhead(Migrate migrate) {
        List<String> unknown = migrate.position().unknownInDatabase();
        if (unknown.isEmpty()) {
            return false;
        }
        String situation = "The database is ahead of the scripts: its version table holds " + String.join(", ", unknown)
                + ", which no script of this application knows (a newer version of the application migrated it)";
        if (properties.getOnUnknownRevision() == MigrateProperties.OnUnknownRevision.FAIL) {
            throw new MigrateException(situation + "; deploy the version that has their scripts, or set "
                    + "migrate.on-unknown-revision=warn to start without migrating");
        }
        log.warn("{}; starting without migrating (migrate.on-unknown-revision=warn), and db upgrade refuses until their "
                + "scripts are back", situation);
        return true;
    }

    private void logScriptSource(Migrate migrate, Migrate packaged) {
        if (packaged != migrate && migrate.scriptOrigin() instanceof ScriptOrigin.WorkingTree tree) {
            log.info("Startup migration reads the packaged scripts from {}, not the working tree's {} (which only the db "
                    + "commands read)", packaged.scriptOrigin().describe(), tree.directory().toAbsolutePath());
        } else {
            log.info("Startup migration reads scripts from {}", packaged.scriptOrigin().describe());
        }
    }

    private void validate(Migrate migrate, String target) {
        if (migrate.config().runtime().validateOnMigrate()) {
            migrate.validateChecksums();
        }
        Plan plan = migrate.planUpgrade(target);
        if (!plan.isEmpty()) {
            throw new MigrateException("migrate.on-startup=validate: the database is at " + describe(plan.fromHeads())
                    + ", behind migrate.target=" + target + " (" + describe(plan.toHeads()) + ") by "
                    + plan.steps().size() + " revision(s): " + pending(plan)
                    + "; run 'db upgrade' to apply them, or set migrate.on-startup=upgrade to apply them at startup");
        }
        // Only an upgrade to head applies repeatable scripts: a target short of head does not expect them.
        List<MigrationStatus.Repeatable> due = migrate.position().atHead() ? migrate.repeatablesDue() : List.of();
        if (!due.isEmpty()) {
            // As Flyway's validate: a repeatable script not applied as it is now leaves the database behind the scripts.
            throw new MigrateException("migrate.on-startup=validate: the database is at head, but " + due.size()
                    + " repeatable script(s) are not applied as they are now: " + due.stream()
                    .map(repeatable -> repeatable.name() + " (" + repeatable.state().name().toLowerCase(java.util.Locale.ROOT) + ")")
                    .collect(java.util.stream.Collectors.joining(", "))
                    + "; run 'db upgrade' to apply them, or set migrate.on-startup=upgrade to apply them at startup");
        }
    }

    /** The pending revisions in the order they would run, the first ones only when there are many. */
    private static String pending(Plan plan) {
        List<String> ids = plan.steps().stream().map(step -> step.revision().id()).toList();
        if (ids.size() <= MAX_LISTED) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, MAX_LISTED)) + " and " + (ids.size() - MAX_LISTED) + " more";
    }

    private static String describe(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
