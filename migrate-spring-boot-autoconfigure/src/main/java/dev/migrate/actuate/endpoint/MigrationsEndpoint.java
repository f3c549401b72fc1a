package dev.migrate.actuate.endpoint;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import dev.migrate.command.MigrationStatus;
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

    public MigrationsEndpoint(Map<String, Migrate> engines) {
        this.engines = Map.copyOf(engines);
    }

    @ReadOperation
    public MigrationsDescriptor migrations() {
        Map<String, EngineDescriptor> described = new LinkedHashMap<>();
        engines.keySet().stream().sorted().forEach(name -> described.put(name, describe(engines.get(name))));
        return new MigrationsDescriptor(described);
    }

    @ReadOperation
    public EngineDescriptor migrationsOf(@Selector String engine) {
        Migrate migrate = engines.get(engine);
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

    private static EngineDescriptor describe(Migrate migrate) {
        try {
            // the running application's view: its packaged scripts, as the startup upgrade read them
            return new EngineDescriptor(migrate.withPackagedScripts().status(), null);
        } catch (MigrateException e) {
            // A broken script directory or an unreachable database is itself what operations need to see.
            return new EngineDescriptor(null, e.getMessage());
        }
    }

    /** Every engine's status, by bean name. */
    public record MigrationsDescriptor(Map<String, EngineDescriptor> engines) {
    }

    /** One engine's status, or the one-line error that kept it from being read. */
    public record EngineDescriptor(MigrationStatus status, String error) {
    }
}
