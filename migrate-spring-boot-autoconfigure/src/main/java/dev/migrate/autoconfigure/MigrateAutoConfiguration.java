package dev.migrate.autoconfigure;

import dev.migrate.autogenerate.IncludeName;
import dev.migrate.autogenerate.IncludeObject;
import dev.migrate.autogenerate.ProcessRevisionDirectives;
import dev.migrate.command.AutogenerateSettings;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import dev.migrate.fleet.Fleet;
import dev.migrate.fleet.FleetTarget;
import dev.migrate.runtime.MigrationCallback;
import dev.migrate.schema.ModelSource;
import dev.migrate.script.JavaMigration;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.Bindable;
import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires the migration engine to the application's DataSource (the analogue of {@code Migrate(app, db)})
 * and migrates at startup, ordered before every bean that uses the database. The application's hooks are beans:
 * {@link MigrationCallback}s (all, in their {@code @Order}), an {@link IncludeObject} and an {@link IncludeName}
 * (one each), {@link ProcessRevisionDirectives} (all, chained in their {@code @Order}), {@link MigrateConfigCustomizer}s.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Migrate.class)
@ConditionalOnBooleanProperty(name = "migrate.enabled", matchIfMissing = true)
@Conditional(MigrateAutoConfiguration.DataSourceOrUrlCondition.class)
@EnableConfigurationProperties(MigrateProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
@ImportRuntimeHints(MigrateRuntimeHints.class)
public class MigrateAutoConfiguration {

    /**
     * The engine's own connection, when migrate.url, migrate.user or migrate.password asks for one: migrate.url, else
     * where Boot's JdbcConnectionDetails says the application's database is (spring.datasource.*, a Testcontainers
     * service connection, Docker Compose), else (no URL anywhere) derived from the application's DataSource.
     */
    @Bean
    @ConditionalOnMissingBean(MigrateConnectionDetails.class)
    @Conditional(ConnectionSettingsCondition.class)
    MigrateConnectionDetails migrateConnectionDetails(MigrateProperties properties, Environment environment,
                                                      ObjectProvider<JdbcConnectionDetails> applicationDetails) {
        if (!StringUtils.hasText(properties.getUrl())) {
            JdbcConnectionDetails application = applicationDetails.getIfAvailable();
            if (application != null && urlOf(application) != null) {
                return new JdbcMigrateConnectionDetails(application, properties.getUser(), properties.getPassword());
            }
        }
        return new PropertiesMigrateConnectionDetails(properties, environment);
    }

    @Bean
    @ConditionalOnMissingBean
    public Migrate migrate(MigrateProperties properties, ObjectProvider<DataSource> dataSource,
                           @MigrateDataSource ObjectProvider<DataSource> migrateDataSource,
                           ObjectProvider<MigrateConnectionDetails> migrateConnectionDetails,
                           ObjectProvider<JavaMigration> javaMigrations, ObjectProvider<ModelSource> modelSources,
                           ObjectProvider<IncludeObject> includeObject, ObjectProvider<IncludeName> includeName,
                           ObjectProvider<ProcessRevisionDirectives> revisionDirectives,
                           ObjectProvider<MigrationCallback> callbacks,
                           ObjectProvider<JdbcConnectionDetails> connectionDetails,
                           ObjectProvider<MigrateConfigCustomizer> customizers,
                           BeanFactory beanFactory, ResourceLoader resourceLoader, Environment environment) {
        MigrateConnectionDetails ownConnection = migrateConnectionDetails.getIfAvailable();
        MigrateConfig.Builder config = MigrateConfig.builder()
                .dataSource(chooseDataSource(ownConnection, dataSource, migrateDataSource, (ListableBeanFactory) beanFactory))
                .dialect(properties.getDialect()).sqlMode(properties.getSqlMode())
                .versionTable(properties.getVersionTable())
                .logTable(properties.getLogTable())
                .transactionPerMigration(properties.isTransactionPerMigration())
                .lock(properties.isLockEnabled(), properties.getLockTimeout())
                .validateOnMigrate(properties.isValidateOnMigrate());
        properties.getParameters().forEach(config::parameter);
        properties.getVersionPaths().forEach(path -> config.versionPath(Path.of(path)));
        properties.getLocations().forEach(config::location);
        if (StringUtils.hasText(properties.getScriptDirectory())) {
            config.scriptDirectory(Path.of(properties.getScriptDirectory()));
        }
        javaMigrations.orderedStream().forEach(config::javaMigration);
        List<String> packages = modelPackages(properties, beanFactory);
        if (!packages.isEmpty()) {
            config.model(new ScannedModels(packages, resourceLoader.getClassLoader()));
        }
        modelSources.orderedStream().forEach(config::model);
        IncludeName tableNames = includeName.getIfAvailable(() -> IncludeName.ALL);
        config.autogenerate(new AutogenerateSettings(includeObject.getIfAvailable(() -> IncludeObject.ALL),
                properties.isKeepUnownedTables(), tableNames::include, properties.isKeepLibraryTables(),
                ProcessRevisionDirectives.chain(revisionDirectives.orderedStream().toList())));
        callbacks.orderedStream().forEach(config::callback);
        config.classLoader(resourceLoader.getClassLoader());
        describeDatabase(config, ownConnection, environment, migrateDataSource, connectionDetails);
        customizers.orderedStream().forEach(customizer -> customizer.customize(config));
        return new Migrate(config.build());
    }

    /**
     * The URL and user of the database migrated, as far as the settings tell without connecting (offline SQL takes
     * its dialect and user from them): the engine's own connection's, else the application DataSource's connection
     * details or spring.datasource.*; nothing for a {@code @MigrateDataSource} (migrate.dialect says the dialect).
     */
    private static void describeDatabase(MigrateConfig.Builder config, MigrateConnectionDetails ownConnection,
                                         Environment environment, ObjectProvider<DataSource> migrateDataSource,
                                         ObjectProvider<JdbcConnectionDetails> connectionDetails) {
        if (ownConnection == null && migrateDataSource.getIfAvailable() != null) {
            return;
        }
        JdbcConnectionDetails details = connectionDetails.getIfAvailable();
        String url = ownConnection != null ? ownConnection.getJdbcUrl() : null;
        String user = ownConnection != null ? ownConnection.getUsername() : null;
        if (details != null) {
            url = url != null ? url : urlOf(details);
            user = user != null ? user : details.getUsername();
        }
        config.databaseUrl(url != null ? url : environment.getProperty("spring.datasource.url"))
                .databaseUser(user != null ? user : environment.getProperty("spring.datasource.username"));
    }

    /** The details' URL, or null when they have none (Boot would look for an embedded database). */
    private static String urlOf(JdbcConnectionDetails details) {
        try {
            return details.getJdbcUrl();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The migrations manage the schema of their DataSource: Hibernate's default ddl-auto is then none. */
    @Bean
    @ConditionalOnMissingBean
    public MigrateSchemaManagementProvider migrateSchemaManagementProvider(ObjectProvider<Migrate> migrate) {
        return new MigrateSchemaManagementProvider(migrate);
    }

    /**
     * Brings up every Migrate bean, the auto-configured one and those the application declares, in their order; with a
     * fleet, its targets instead of the engine they share.
     */
    @Bean
    @ConditionalOnMissingBean
    public MigrateInitializer migrateInitializer(ListableBeanFactory beans, ObjectProvider<Migrate> migrate,
                                                 ObjectProvider<MigrationStrategy> strategy, MigrateProperties properties,
                                                 ObjectProvider<Fleet> fleet) {
        MigrateEngines engines = MigrateEngines.of(beans, migrate);
        return new MigrateInitializer(engines.byName(), engines.primary(), strategy.getIfAvailable(), properties,
                fleet.getIfAvailable());
    }

    /**
     * The fleet, when migrate.fleet.schemas names schemas or a MigrateFleetTargets bean names targets: each migrated with
     * the application's engine's scripts and settings, which the fleet replaces (its own database is no target).
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(FleetCondition.class)
    public Fleet migrateFleet(ObjectProvider<Migrate> migrate, MigrateProperties properties,
                              ObjectProvider<MigrateFleetTargets> fleetTargets) {
        Migrate template = migrate.getIfUnique();
        if (template == null) {
            throw new MigrateException("migrate.fleet needs the application's own Migrate bean to share its scripts and "
                    + "settings: mark one Migrate bean @Primary, or declare a Fleet bean of your own");
        }
        List<FleetTarget> targets = new ArrayList<>();
        properties.getFleet().getSchemas().forEach(schema -> targets.add(FleetTarget.schema(schema, template.config())));
        fleetTargets.orderedStream().forEach(source -> targets.addAll(source.targets(template.config())));
        return new Fleet(targets, properties.getFleet().getParallelism())
                .createSchemas(properties.getFleet().isCreateSchemas()).replacing(template);
    }

    /** Matches when migrate.fleet.schemas is set or a MigrateFleetTargets bean exists. */
    static final class FleetCondition extends AnyNestedCondition {

        FleetCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @Conditional(SchemasListed.class)
        private static final class SchemasCondition {
        }
    }

    /** Matches when migrate.fleet.schemas lists a schema, written as a comma-separated value or as a YAML list. */
    static final class SchemasListed extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(
                ConditionContext context,
                AnnotatedTypeMetadata metadata) {
            boolean listed = Binder.get(context.getEnvironment())
                    .bind("migrate.fleet.schemas", Bindable.listOf(String.class))
                    .map(schemas -> !schemas.isEmpty()).orElse(false);
            return listed ? ConditionOutcome.match("migrate.fleet.schemas is set")
                    : ConditionOutcome.noMatch("migrate.fleet.schemas is not set");
        }

        @ConditionalOnBean(MigrateFleetTargets.class)
        private static final class TargetsCondition {
        }
    }

    /** The configured model packages, or the application's own packages, as JPA's entity scan does. */
    private static List<String> modelPackages(MigrateProperties properties, BeanFactory beanFactory) {
        if (!properties.getModelPackages().isEmpty()) {
            return properties.getModelPackages();
        }
        return AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
    }

    /**
     * The {@code @MigrateDataSource} one, else the application's (the only one, or the {@code @Primary} one); with
     * several and nothing saying which, one line that says what to do rather than Spring's "expected single bean".
     */
    private static DataSource chooseDataSource(MigrateConnectionDetails ownConnection, ObjectProvider<DataSource> dataSource,
                                               ObjectProvider<DataSource> migrateDataSource, ListableBeanFactory beans) {
        if (ownConnection != null) {
            return MigrationConnection.open(ownConnection, dataSource.getIfUnique());
        }
        List<String> marked = List.of(beans.getBeanNamesForAnnotation(MigrateDataSource.class));
        if (marked.size() > 1) {
            throw new MigrateException(marked.size() + " DataSource beans are marked @MigrateDataSource (" + String.join(", ", marked)
                    + "): mark only the one the auto-configured Migrate bean migrates, and declare a Migrate bean of your own "
                    + "for each other database (see \"Several databases\" in the README)");
        }
        DataSource qualified = migrateDataSource.getIfAvailable();
        if (qualified != null) {
            return qualified;
        }
        DataSource application = dataSource.getIfUnique();
        if (application == null) {
            List<String> names = List.of(beans.getBeanNamesForType(DataSource.class));
            if (names.isEmpty()) {
                return dataSource.getObject(); // Spring's own "no DataSource" failure
            }
            throw new MigrateException(names.size() + " DataSource beans (" + String.join(", ", names) + ") and none is marked "
                    + "@MigrateDataSource or @Primary: mark the one to migrate with @MigrateDataSource (or @Primary), and declare "
                    + "a Migrate bean of your own for each other database (see \"Several databases\" in the README)");
        }
        return application;
    }

    /** Matches when migrate.url, migrate.user or migrate.password asks for a connection of the engine's own. */
    static final class ConnectionSettingsCondition extends AnyNestedCondition {

        ConnectionSettingsCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "migrate", name = "url")
        private static final class UrlCondition {
        }

        @ConditionalOnProperty(prefix = "migrate", name = "user")
        private static final class UserCondition {
        }

        @ConditionalOnProperty(prefix = "migrate", name = "password")
        private static final class PasswordCondition {
        }
    }

    /**
     * Matches when there is a DataSource to migrate, a {@code migrate.url} to connect to, or connection details of
     * the engine's own (a {@link MigrateConnectionDetails} bean alone is enough).
     */
    static final class DataSourceOrUrlCondition extends AnyNestedCondition {

        DataSourceOrUrlCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        private static final class DataSourceBeanCondition {
        }

        @ConditionalOnProperty(prefix = "migrate", name = "url")
        private static final class MigrateUrlCondition {
        }

        @ConditionalOnBean(MigrateConnectionDetails.class)
        private static final class MigrateConnectionDetailsCondition {
        }
    }
}
