package dev.migrate.autoconfigure;

import dev.migrate.command.DatabaseSettings;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.hibernate.EntityModelSettings;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The mapping settings of the application's JPA set-up, as Boot would give them to Hibernate: with spring-boot-hibernate
 * Boot's own reckoning ({@link BootHibernateProperties}: {@code spring.jpa.properties.*} such as
 * {@code hibernate.default_schema}, which must name the schema the migrations run in, naming strategies,
 * naming-strategy beans, {@code HibernatePropertiesCustomizer} beans), else {@link #springJpaProperties the same without
 * customizers}; {@code spring.jpa.database-platform}; the database is the one being migrated. Worked out when a
 * command first needs the entity tables: the database may take a connection to tell.
 */
final class EntityModelSettingsFactory implements Supplier<EntityModelSettings> {

    /** Boot's implicit naming strategy, when spring-boot-hibernate is there (it is in every Boot JPA application). */
    static final String BOOT_IMPLICIT_NAMING = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";

    private final Environment environment;
    private final ObjectProvider<Migrate> migrate;
    private final Supplier<Map<String, Object>> hibernateProperties;
    private final ClassLoader classLoader;

    EntityModelSettingsFactory(Environment environment, ObjectProvider<Migrate> migrate,
                               Supplier<Map<String, Object>> hibernateProperties, ClassLoader classLoader) {
        this.environment = environment;
        this.migrate = migrate;
        this.hibernateProperties = hibernateProperties;
        this.classLoader = classLoader;
    }

    /**
     * Without spring-boot-hibernate (so without Boot's JPA set-up): {@code spring.jpa.properties.*}, then the
     * {@code spring.jpa.hibernate.naming.*} class names, then the naming-strategy beans.
     */
    static Supplier<Map<String, Object>> springJpaProperties(Environment environment,
                                                             ObjectProvider<PhysicalNamingStrategy> physicalNamingStrategy,
                                                             ObjectProvider<ImplicitNamingStrategy> implicitNamingStrategy) {
        return () -> {
            Map<String, Object> properties = new LinkedHashMap<>(jpaProperties(environment));
            putIfText(properties, AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                    environment.getProperty("spring.jpa.hibernate.naming.physical-strategy"));
            putIfText(properties, AvailableSettings.IMPLICIT_NAMING_STRATEGY,
                    environment.getProperty("spring.jpa.hibernate.naming.implicit-strategy"));
            physicalNamingStrategy.ifUnique(bean -> properties.put(AvailableSettings.PHYSICAL_NAMING_STRATEGY, bean));
            implicitNamingStrategy.ifUnique(bean -> properties.put(AvailableSettings.IMPLICIT_NAMING_STRATEGY, bean));
            return properties;
        };
    }

    /** {@code spring.jpa.properties.*}, the settings Boot passes to the JPA provider as they are. */
    static Map<String, String> jpaProperties(Environment environment) {
        return Binder.get(environment).bind("spring.jpa.properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
    }

    private static void putIfText(Map<String, Object> properties, String name, String value) {
        if (StringUtils.hasText(value)) {
            properties.put(name, value);
        }
    }

    @Override
    public EntityModelSettings get() {
        Map<String, Object> properties = new LinkedHashMap<>(hibernateProperties.get());
        properties.values().removeIf(Objects::isNull);
        Database database = database();
        String defaultSchema = properties.get(AvailableSettings.DEFAULT_SCHEMA) instanceof String schema ? schema : null;
        requireMigratedSchema(defaultSchema, database.schema());
        String platform = environment.getProperty("spring.jpa.database-platform");
        if (StringUtils.hasText(platform)) {
            properties.put(AvailableSettings.DIALECT, platform);
        }
        // the properties' naming strategies (class names or beans) win over these defaults
        return new EntityModelSettings(database.name(), database.version(), null,
                ClassUtils.isPresent(BOOT_IMPLICIT_NAMING, classLoader) ? BOOT_IMPLICIT_NAMING : null,
                defaultSchema, properties, database.schema());
    }

    /**
     * Hibernate's default schema must be the one migrations reflect and create tables in (the migration connection's
     * current schema): elsewhere the script would create the entity tables where Hibernate does not look for them.
     */
    private static void requireMigratedSchema(String defaultSchema, String migratedSchema) {
        if (StringUtils.hasText(defaultSchema) && migratedSchema != null
                && !defaultSchema.equalsIgnoreCase(migratedSchema)) {
            throw new MigrateException("spring.jpa.properties." + AvailableSettings.DEFAULT_SCHEMA + " is '"
                    + defaultSchema + "' but migrations run in schema '" + migratedSchema + "' (the migration "
                    + "connection's current schema), where the entity tables would be created; connect the migrations "
                    + "to '" + defaultSchema + "' (currentSchema=" + defaultSchema + " in the JDBC URL, or migrate.url)");
        }
    }

    /**
     * The migrated database's dialect name and version, asked of the database as Hibernate asks at startup (only
     * {@code db migrate} and {@code db check} get here, and they connect anyway); when it cannot be reached, the name
     * that migrate.dialect or the URL gives, without a version.
     */
    private Database database() {
        Migrate engine = migrate.getObject();
        try (Connection connection = engine.config().dataSource().getConnection()) {
            return new Database(Dialect.of(connection).name(), connection.getMetaData().getDatabaseProductVersion(),
                    connection.getSchema());
        } catch (SQLException e) {
            DatabaseSettings settings = engine.config().database();
            if (StringUtils.hasText(settings.dialectName()) || StringUtils.hasText(settings.url())) {
                return new Database(settings.dialect().name(), null, null);
            }
            throw new MigrateException("Cannot tell which database the JPA entities are mapped for: " + e.getMessage()
                    + "; set migrate.dialect (sqlite or postgresql)", e);
        }
    }

    /** The migrated database: our dialect name, its version, and the schema migrations run in (null: unknown). */
    private record Database(String name, String version, String schema) {
    }
}
