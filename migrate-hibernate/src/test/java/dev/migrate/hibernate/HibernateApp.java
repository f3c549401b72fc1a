package dev.migrate.hibernate;

import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hibernate as an application runs it on a database: Boot's naming strategies, a real connection, and a schema
 * action ({@code validate} after our upgrade, {@code create} to compare with what Hibernate makes itself).
 */
final class HibernateApp {

    private HibernateApp() {
    }

    static SessionFactory start(TestDatabase database, List<Class<?>> entities, String schemaAction) {
        return start(database, entities, schemaAction, Map.of());
    }

    /** With more settings, which win ({@code hibernate.connection.pool_size}: 1 unless said). */
    static SessionFactory start(TestDatabase database, List<Class<?>> entities, String schemaAction,
                                Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_JDBC_URL, database.url());
        if (database.user() != null) {
            settings.put(AvailableSettings.JAKARTA_JDBC_USER, database.user());
        }
        if (database.kind().equals("sqlite")) {
            settings.put(AvailableSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect");
        }
        settings.put(AvailableSettings.PHYSICAL_NAMING_STRATEGY, EntityModelSettings.SNAKE_CASE_PHYSICAL_NAMING);
        settings.put(AvailableSettings.IMPLICIT_NAMING_STRATEGY, SpringStyleImplicitNamingStrategy.class.getName());
        settings.put(AvailableSettings.HBM2DDL_AUTO, schemaAction);
        settings.put("hibernate.connection.pool_size", 1);
        settings.putAll(more);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }
}
