package dev.migrate.actuate.endpoint;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import dev.migrate.command.MigrationStatus;
import dev.migrate.fleet.Fleet;
import dev.migrate.fleet.FleetTarget;
import dev.migrate.fleet.TargetOutcome;
import dev.migrate.graph.GraphDiagram;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/migrations}: for each migration engine (one per migrated DataSource) where its
 * database stands. Read-only; exposed over HTTP only when the application exposes it, as Boot does for
 * every endpoint.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

    private final Map<String, Migrate> engines;
    private final Fleet fleet;

    public MigrationsEndpoint(Map<String, Migrate> engines) {
        this(engines, null);
    }

    /**
     * @param fleet the fleet whose every target is listed (its status read {@code migrate.fleet.parallelism} targets at a
     *              time), in place of the engine it replaces; null: none
     */
    public MigrationsEndpoint(Map<String, Migrate> engines, Fleet fleet) {
        Map<String, Migrate> listed = new LinkedHashMap<>(engines);
        if (fleet != null) {
            listed.values().removeIf(fleet::replaces);
        }
        this.engines = Map.copyOf(listed);
        this.fleet = fleet == null ? null : fleet.withPackagedScripts();
    }

    @ReadOperation
    public MigrationsDescriptor migrations() {
        Map<String, EngineDescriptor> described = new LinkedHashMap<>();
        engines.keySet().stream().sorted().forEach(name -> described.put(name, describe(engines.get(name))));
        return new MigrationsDescriptor(described, fleet == null ? null : describe(fleet));
    }

    /** One engine by bean name, or one fleet target by its name. */
    @ReadOperation
    public EngineDescriptor migrationsOf(@Selector String engine) {
        Migrate migrate = engines.get(engine);
        if (migrate == null && fleet != null) {
            migrate = fleet.targets().stream().filter(target -> target.name().equals(engine)).findFirst()
                    .map(FleetTarget::migrate).orElse(null);
        }
        return migrate == null ? null : describe(migrate);
    }

    /**
     * {@code /actuator/migrations/{engine}/mermaid} (or {@code /dot}): the engine's revision graph as a diagram, as
     * {@code db graph} writes it, for documentation and dashboards that render Mermaid; 404 for another format.
     */
    @ReadOperation(produces = "text/plain")
    public String graphOf(@Selector String engine, @Selector String format) {
        Migrate migrate = engines.get(engine);
        GraphDiagram.Format diagram = Arrays.stream(GraphDiagram.Format.values())
                .filter(candidate -> candidate.displayName().equals(format)).findFirst().orElse(null);
        if (migrate == null || diagram == null) {
            return null;
        }
        try {
            return migrate.graph(diagram);
        } catch (MigrateException e) {
            return e.getMessage();
        }
    }

    /** Every target's status in the targets' order, a failed read being that target's one-line error. */
    private static Map<String, EngineDescriptor> describe(Fleet fleet) {
        Map<String, EngineDescriptor> targets = new LinkedHashMap<>();
        for (TargetOutcome<MigrationStatus> outcome : fleet.status().outcomes()) {
            targets.put(outcome.target(), outcome instanceof TargetOutcome.Done<MigrationStatus> done
                    ? new EngineDescriptor(done.value(), null)
                    : new EngineDescriptor(null, outcome instanceof TargetOutcome.Failed<MigrationStatus> failed
                    ? failed.message() : outcome.describe()));
        }
        return targets;
    }

    private static EngineDescriptor describe(Migrate migrate) {
        try {
            // the running application's view: its packaged scripts, as the startup upgrade read them
            return new EngineDescriptor(migrate.withPackagedScripts().status(), null);
        } catch (MigrateException e) {
            // A broken script directory or an unreachable database is itself what operations need to see.
            return new EngineDescriptor(null, e.getMessage());
        }
    }

    /** Every engine's status, by bean name, and every fleet target's, by its name (null without a fleet). */
    public record MigrationsDescriptor(Map<String, EngineDescriptor> engines, Map<String, EngineDescriptor> fleet) {
    }

    /** One engine's status, or the one-line error that kept it from being read. */
    public record EngineDescriptor(MigrationStatus status, String error) {
    }
}
