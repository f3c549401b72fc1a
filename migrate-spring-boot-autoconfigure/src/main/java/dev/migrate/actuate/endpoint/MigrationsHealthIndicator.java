package dev.migrate.actuate.endpoint;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrationPosition;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports {@code OUT_OF_DATE} when revisions are pending, with how many; {@code AHEAD} when the database holds
 * revisions that no script knows (listed as unknownInDatabase); {@code UP} when it is at head. Each poll reads the
 * scripts' headers and the version table only ({@link Migrate#position()}); drift and timings, which need
 * the script bodies and the log, are on {@code /actuator/migrations}. {@link MigrationsHealthStatusDefaults}
 * makes {@code OUT_OF_DATE} count in the aggregate, as 503.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

    /** The status a database that is not at head reports; ordered between OUT_OF_SERVICE and UP, HTTP 503 by default. */
    public static final Status OUT_OF_DATE = new Status("OUT_OF_DATE", "The database is not at the scripts' heads");

    /**
     * The status of a database ahead of the scripts (revisions no script knows, as after rolling the application back):
     * ordered between OUT_OF_DATE and UP, HTTP 200 by default, since the application runs as it is.
     */
    public static final Status AHEAD = new Status("AHEAD", "The database holds revisions that no script knows");

    private final Migrate migrate;
    private final boolean failedRunIsDown;

    public MigrationsHealthIndicator(Migrate migrate) {
        this(migrate, false);
    }

    /**
     * @param failedRunIsDown whether a database behind whose last attempt failed is DOWN rather than OUT_OF_DATE: a fleet
     *                        target whose upgrade failed while the others went on (migrate.fleet.on-failure=continue)
     */
    public MigrationsHealthIndicator(Migrate migrate, boolean failedRunIsDown) {
        super("Migration status check failed");
        this.migrate = migrate;
        this.failedRunIsDown = failedRunIsDown;
    }

    /** A fleet target's indicator: DOWN, with the failure's line, while its last upgrade attempt failed. */
    public static MigrationsHealthIndicator ofFleetTarget(Migrate migrate) {
        return new MigrationsHealthIndicator(migrate, true);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        // what the running application migrated with: its packaged scripts, not a working tree's
        Migrate packaged = migrate.withPackagedScripts();
        MigrationPosition position = packaged.position();
        if (failedRunIsDown && !position.atHead() && position.unknownInDatabase().isEmpty()) {
            // Only a database behind reads the log: the failed attempts a later success has not resolved.
            var failed = packaged.status().failedAttempts();
            if (!failed.isEmpty()) {
                builder.down().withDetail("error", failed.get(failed.size() - 1).describe())
                        .withDetail("current", position.currentHeads()).withDetail("pending", position.pending());
                return;
            }
        }
        builder.status(!position.unknownInDatabase().isEmpty() ? AHEAD : position.atHead() ? Status.UP : OUT_OF_DATE)
                .withDetail("current", position.currentHeads())
                .withDetail("heads", position.scriptHeads())
                .withDetail("pending", position.pending());
        if (!position.unknownInDatabase().isEmpty()) {
            builder.withDetail("unknownInDatabase", position.unknownInDatabase());
        }
    }
}
