package dev.migrate.hibernate;

import dev.migrate.schema.ModelException;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.Schema;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.mapping.PersistentClass;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables that Hibernate maps the application's JPA entities to, as a {@link ModelSource}: Hibernate's own boot
 * metamodel ({@code MetadataSources}, then {@code metadata.getDatabase()}) is the truth about the mapping, so that
 * naming strategies, embeddables, join tables, enum checks and every other JPA rule are Hibernate's, not a copy.
 * The metamodel is built for the database being migrated (named, with its version, in the settings) and without
 * any JDBC access: nothing is validated, created or even connected to, so a database that is behind its entities
 * can be compared with them; or it is the one the application's own Hibernate built, when given and built for that
 * database. Mapped the first time {@link #schema()} is asked (only {@code migrate} and {@code check} compare
 * models), then kept for as long as the settings and the application's metamodel stay the same.
 */
public final class EntityModelSource implements ModelSource {

    /**
     * Our dialect names to the product names Hibernate resolves its dialect from when it may not ask the database
     * (SQLite's comes from hibernate-community-dialects); {@code hibernate.dialect} in the settings wins over them.
     */
    private static final Map<String, String> PRODUCT_NAMES = Map.of("postgresql", "PostgreSQL", "sqlite", "SQLite",
            "h2", "H2");

    private static final Logger log = LoggerFactory.getLogger(EntityModelSource.class);
    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+)");

    private final Supplier<? extends Collection<Class<?>>> entities;
    private final Supplier<EntityModelSettings> settings;
    private final Supplier<Metadata> prebuilt;
    /** The entity classes, found once: they do not change while their class loader lives. */
    private volatile List<Class<?>> classes;
    /** The last tables mapped, with what they were mapped from: kept while that stays the same. */
    private volatile Mapped mapped;

    private EntityModelSource(Supplier<? extends Collection<Class<?>>> entities, Supplier<EntityModelSettings> settings,
                              Supplier<Metadata> prebuilt) {
        this.entities = entities;
        this.settings = settings;
        this.prebuilt = prebuilt;
    }

    /** The entity classes' tables, mapped with {@code settings}. */
    public static EntityModelSource of(Collection<Class<?>> entities, EntityModelSettings settings) {
        List<Class<?>> classes = List.copyOf(entities);
        return new EntityModelSource(() -> classes, () -> settings, () -> null);
    }

    /**
     * As {@link #of(Collection, EntityModelSettings)}, but the classes are found (scanned) and the settings worked out
     * (the database's dialect, which may need a connection) only when a command first needs the tables.
     */
    public static EntityModelSource lazy(Supplier<? extends Collection<Class<?>>> entities,
                                         Supplier<EntityModelSettings> settings) {
        return new EntityModelSource(entities, settings, () -> null);
    }

    /**
     * As {@link #lazy(Supplier, Supplier)}, but first asks {@code prebuilt} for the metamodel the application's own
     * Hibernate built (its persistence unit, with every setting it was given), and uses it when it is there and was
     * built for the database being migrated: then nothing is built a second time.
     */
    public static EntityModelSource lazy(Supplier<? extends Collection<Class<?>>> entities,
                                         Supplier<EntityModelSettings> settings, Supplier<Metadata> prebuilt) {
        return new EntityModelSource(entities, settings, prebuilt);
    }

    /**
     * The tables of the entities, mapped again only when the settings changed or the application's Hibernate built
     * another metamodel since: a second command on the same engine pays only its comparison.
     */
    @Override
    public Schema schema() {
        EntityModelSettings settings = this.settings.get();
        Metadata application = prebuilt.get();
        Mapped read = mapped;
        if (read == null || !read.mappedFrom(settings, application)) {
            read = map(settings, application);
            mapped = read;
        }
        return read.schema();
    }

    @Override
    public String origin(String table, String column) {
        Mapped read = mapped;
        String entity = (read != null ? read : map(settings.get(), prebuilt.get())).origins().get(table);
        if (entity == null) {
            return ModelSource.super.origin(table, column);
        }
        return column == null ? entity + " (table '" + table + "')" : entity + " (column '" + table + "." + column + "')";
    }

    private List<Class<?>> classes() {
        List<Class<?>> read = classes;
        if (read == null) {
            read = List.copyOf(entities.get());
            classes = read;
        }
        return read;
    }

    private Mapped map(EntityModelSettings settings, Metadata application) {
        if (application != null) {
            if (settings.database().equals(databaseOf(application))) {
                // Hibernate orders columns (a join table's primary key among them) only for a schema action, which the
                // application's JPA has none of (validate, or a one-shot command's none): ordered as for a built
                // metamodel, as Hibernate's create orders them, so that both give one schema. Only the boot model's
                // order changes (idempotent); the running SessionFactory's persisters are built already.
                ((MetadataImplementor) application).orderColumns(true);
                return new Mapped(settings, application, new MetamodelTables(application, settings).schema(),
                        origins(application));
            }
            log.info("The application's Hibernate maps the entities for another database than the one migrated ({}):"
                    + " mapping them again for it", settings.database());
        }
        List<Class<?>> classes = classes();
        if (classes.isEmpty()) {
            return new Mapped(settings, application, Schema.of(List.of()), Map.of());
        }
        // Hibernate loads the entities again by name: give it them and their class loaders (an application's, a
        // generated one's)
        BootstrapServiceRegistryBuilder bootstrap = new BootstrapServiceRegistryBuilder()
                .applyClassLoaderService(new MissRememberingClassLoaderService(classes));
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap.build())
                .applySettings(hibernateSettings(settings)).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            classes.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            // what the application's SessionFactory adds to the same metamodel when it starts
            BeanValidationDdl.apply(metadata, registry);
            // the column order Hibernate's schema export uses (its ColumnOrderingStrategy), so that created tables agree
            ((MetadataImplementor) metadata).orderColumns(true);
            return new Mapped(settings, application, new MetamodelTables(metadata, settings).schema(), origins(metadata));
        } catch (HibernateException | IllegalArgumentException e) {
            throw new ModelException("Hibernate could not map the JPA entities: " + oneLine(e)
                    + "; fix the mapping (Hibernate would refuse it at startup too)");
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static Map<String, Object> hibernateSettings(EntityModelSettings settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        String product = PRODUCT_NAMES.get(settings.database());
        if (product != null) {
            values.put(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, product);
        }
        if (settings.databaseVersion() != null) {
            values.put(AvailableSettings.JAKARTA_HBM2DDL_DB_VERSION, settings.databaseVersion());
            Matcher version = MAJOR_MINOR.matcher(settings.databaseVersion());
            if (version.lookingAt()) {
                values.put(AvailableSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, version.group(1));
                values.put(AvailableSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, version.group(2));
            }
        }
        values.put(AvailableSettings.PHYSICAL_NAMING_STRATEGY, settings.physicalNamingStrategy());
        values.put(AvailableSettings.IMPLICIT_NAMING_STRATEGY, settings.implicitNamingStrategy());
        if (settings.defaultSchema() != null) {
            values.put(AvailableSettings.DEFAULT_SCHEMA, settings.defaultSchema());
        }
        values.putAll(settings.hibernateSettings());
        if (!values.containsKey(AvailableSettings.DIALECT) && product == null) {
            throw new ModelException("No Hibernate dialect for database '" + settings.database()
                    + "': set hibernate.dialect (spring.jpa.database-platform) to map the entities for it");
        }
        // The mapping only: no connection, no JDBC metadata, no schema action, whatever the settings say.
        values.put("hibernate.boot.allow_jdbc_metadata_access", false);
        values.put(AvailableSettings.HBM2DDL_AUTO, "none");
        values.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none");
        values.remove(AvailableSettings.JAKARTA_JDBC_URL);
        values.remove(AvailableSettings.URL);
        return values;
    }

    /** Our name for the database a metamodel was built for, by its Hibernate dialect. */
    private static String databaseOf(Metadata metadata) {
        org.hibernate.dialect.Dialect dialect = metadata.getDatabase().getDialect();
        if (dialect instanceof org.hibernate.dialect.PostgreSQLDialect) {
            return "postgresql";
        }
        if (dialect instanceof org.hibernate.dialect.H2Dialect) {
            return "h2"; // Boot's embedded database in @DataJpaTest
        }
        return dialect.getClass().getSimpleName().startsWith("SQLite") ? "sqlite" : dialect.getClass().getName();
    }

    /** Which entity (or collection role, for join tables) declared each table, for error messages. */
    private static Map<String, String> origins(Metadata metadata) {
        Map<String, String> origins = new LinkedHashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            origins.putIfAbsent(MetamodelTables.tableName(entity.getTable(), metadata), "entity " + entity.getClassName());
        }
        for (org.hibernate.mapping.Collection collection : metadata.getCollectionBindings()) {
            if (collection.getCollectionTable() != null) {
                origins.putIfAbsent(MetamodelTables.tableName(collection.getCollectionTable(), metadata),
                        "collection " + collection.getRole());
            }
        }
        return origins;
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * Tables mapped with {@code settings} while the application's metamodel was {@code application} (null: none);
     * weakly, so that keeping the tables does not keep a stopped persistence unit's metamodel.
     */
    private record Mapped(EntityModelSettings settings, WeakReference<Metadata> application, Schema schema,
                          Map<String, String> origins) {

        Mapped(EntityModelSettings settings, Metadata application, Schema schema, Map<String, String> origins) {
            this(settings, application == null ? null : new WeakReference<>(application), schema, origins);
        }

        boolean mappedFrom(EntityModelSettings settings, Metadata application) {
            Metadata then = this.application == null ? null : this.application.get();
            return this.settings.equals(settings) && then == application
                    && (application != null || this.application == null);
        }
    }
}
