package dev.migrate.actuate.endpoint;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrationStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports {@code OUT_OF_DATE} when the database is not at the scripts' heads (pending revisions, or
 * revisions no script knows), with what is pending and any drift; {@code UP} when it is at head.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

    /** The status a database that is not at head reports; map it to an HTTP code with management.endpoint.health.status. */
    public static final Status OUT_OF_DATE = new Status("OUT_OF_DATE", "The database is not at the scripts' heads");

    private final Migrate migrate;

    public MigrationsHealthIndicator(Migrate migrate) {
        super("Migration status check failed");
        this.migrate = migrate;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MigrationStatus status = migrate.status();
        builder.status(status.atHead() ? Status.UP : OUT_OF_DATE)
                .withDetail("current", status.currentHeads())
                .withDetail("heads", status.scriptHeads())
                .withDetail("pending", status.pending().size());
        if (!status.unknownInDatabase().isEmpty()) {
            builder.withDetail("unknownInDatabase", status.unknownInDatabase());
        }
        if (!status.editedAfterApplied().isEmpty()) {
            builder.withDetail("editedAfterApplied", status.editedAfterApplied());
        }
    }
}
