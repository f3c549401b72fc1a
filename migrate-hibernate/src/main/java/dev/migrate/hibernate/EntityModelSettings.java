package dev.migrate.hibernate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How Hibernate maps the entities: the database the schema is for ({@code sqlite} or {@code postgresql}, this
 * project's dialect names) and its version when known (Hibernate's dialects type some columns by version: without it
 * they assume the oldest they support, SQLite 2's {@code char} for a {@code Character} where 3 has {@code char(1)}),
 * the naming strategies (class names, so that the Spring layer can pass Boot's without
 * this module knowing Spring), the default schema, and any other Hibernate setting ({@code hibernate.*}); and the
 * schema the migrations run in when known ({@code migratedSchema}, the migration connection's current schema), where an
 * entity's {@code @Table(schema = ...)} naming it is compared too.
 * The defaults are Spring Boot's: snake-case physical names and Boot's implicit join-table names.
 */
public record EntityModelSettings(String database, String databaseVersion, String physicalNamingStrategy,
                                  String implicitNamingStrategy, String defaultSchema,
                                  Map<String, Object> hibernateSettings, String migratedSchema) {

    public EntityModelSettings(String database, String databaseVersion, String physicalNamingStrategy,
                               String implicitNamingStrategy, String defaultSchema, Map<String, Object> hibernateSettings) {
        this(database, databaseVersion, physicalNamingStrategy, implicitNamingStrategy, defaultSchema, hibernateSettings,
                null);
    }

    /** Spring Boot's default physical naming: {@code ownerName} is column {@code owner_name}. */
    public static final String SNAKE_CASE_PHYSICAL_NAMING =
            "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";

    public EntityModelSettings {
        Objects.requireNonNull(database, "database");
        databaseVersion = blankToNull(databaseVersion);
        physicalNamingStrategy = blankToNull(physicalNamingStrategy) == null ? SNAKE_CASE_PHYSICAL_NAMING
                : physicalNamingStrategy;
        implicitNamingStrategy = blankToNull(implicitNamingStrategy) == null
                ? SpringStyleImplicitNamingStrategy.class.getName() : implicitNamingStrategy;
        defaultSchema = blankToNull(defaultSchema);
        hibernateSettings = hibernateSettings == null ? Map.of() : Map.copyOf(hibernateSettings);
        migratedSchema = blankToNull(migratedSchema);
    }

    /** The schema the migrations reflect and create tables in (the migration connection's current schema). */
    public EntityModelSettings withMigratedSchema(String schema) {
        return new EntityModelSettings(database, databaseVersion, physicalNamingStrategy, implicitNamingStrategy,
                defaultSchema, hibernateSettings, schema);
    }

    /** Spring Boot's defaults for the database named {@code sqlite} or {@code postgresql}. */
    public static EntityModelSettings forDatabase(String database) {
        return new EntityModelSettings(database, null, null, null, null, Map.of());
    }

    /** The database's version as its JDBC driver reports it ({@code DatabaseMetaData.getDatabaseProductVersion()}). */
    public EntityModelSettings withDatabaseVersion(String version) {
        return new EntityModelSettings(database, version, physicalNamingStrategy, implicitNamingStrategy, defaultSchema,
                hibernateSettings, migratedSchema);
    }

    public EntityModelSettings withNamingStrategies(String physical, String implicit) {
        return new EntityModelSettings(database, databaseVersion, physical, implicit, defaultSchema, hibernateSettings,
                migratedSchema);
    }

    public EntityModelSettings withDefaultSchema(String schema) {
        return new EntityModelSettings(database, databaseVersion, physicalNamingStrategy, implicitNamingStrategy, schema,
                hibernateSettings, migratedSchema);
    }

    /** One more Hibernate setting, applied after the others (it wins over them). */
    public EntityModelSettings withSetting(String name, Object value) {
        Map<String, Object> settings = new LinkedHashMap<>(hibernateSettings);
        settings.put(name, value);
        return new EntityModelSettings(database, databaseVersion, physicalNamingStrategy, implicitNamingStrategy,
                defaultSchema, settings, migratedSchema);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
