package dev.migrate.autoconfigure;

import dev.migrate.command.Migrate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

import javax.sql.DataSource;

/**
 * Tells Boot that the migrations manage the schema of the DataSource they run on, as Flyway's provider does: on an
 * embedded database (H2 in a {@code @DataJpaTest}) Hibernate's default {@code ddl-auto} is then {@code none}
 * instead of {@code create-drop}, so Hibernate does not drop and create again what the scripts made. Every engine
 * counts, {@code @Bean(defaultCandidate = false)} ones for further databases too.
 */
public class MigrateSchemaManagementProvider implements SchemaManagementProvider {

    private final ObjectProvider<Migrate> migrate;

    public MigrateSchemaManagementProvider(ObjectProvider<Migrate> migrate) {
        this.migrate = migrate;
    }

    @Override
    public SchemaManagement getSchemaManagement(DataSource dataSource) {
        return migrate.stream(ObjectProvider.UNFILTERED).anyMatch(engine -> dataSource.equals(engine.config().dataSource()))
                ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
    }
}
