package dev.migrate.actuate.endpoint;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrationPosition;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports {@code OUT_OF_DATE} when the database is not at the scripts' heads (pending revisions, or
 * revisions no script knows), with how many are pending; {@code UP} when it is at head. Each poll reads the
 * scripts' headers and the version table only ({@link Migrate#position()}); drift and timings, which need
 * the script bodies and the log, are on {@code /actuator/migrations}. {@link MigrationsHealthStatusDefaults}
 * makes {@code OUT_OF_DATE} count in the aggregate, as 503.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

    /** The status a database that is not at head reports; ordered between OUT_OF_SERVICE and UP, HTTP 503 by default. */
    public static final Status OUT_OF_DATE = new Status("OUT_OF_DATE", "The database is not at the scripts' heads");

    private final Migrate migrate;

    public MigrationsHealthIndicator(Migrate migrate) {
        super("Migration status check failed");
        this.migrate = migrate;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MigrationPosition position = migrate.position();
        builder.status(position.atHead() ? Status.UP : OUT_OF_DATE)
                .withDetail("current", position.currentHeads())
                .withDetail("heads", position.scriptHeads())
                .withDetail("pending", position.pending());
        if (!position.unknownInDatabase().isEmpty()) {
            builder.withDetail("unknownInDatabase", position.unknownInDatabase());
        }
    }
}
