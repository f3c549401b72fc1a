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

    public MigrationsHealthIndicator(Migrate migrate) {
        super("Migration status check failed");
        this.migrate = migrate;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        // what the running application migrated with: its packaged scripts, not a working tree's
        MigrationPosition position = migrate.withPackagedScripts().position();
        builder.status(!position.unknownInDatabase().isEmpty() ? AHEAD : position.atHead() ? Status.UP : OUT_OF_DATE)
                .withDetail("current", position.currentHeads())
                .withDetail("heads", position.scriptHeads())
                .withDetail("pending", position.pending());
        if (!position.unknownInDatabase().isEmpty()) {
            builder.withDetail("unknownInDatabase", position.unknownInDatabase());
        }
    }
}
