package dev.migrate.autoconfigure;

import dev.migrate.autogenerate.IncludeObject;
import dev.migrate.command.AutogenerateSettings;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.schema.ModelSource;
import dev.migrate.script.JavaMigration;
import org.springframework.beans.factory.BeanFactory;
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
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Wires the migration engine to the application's DataSource (the analogue of {@code Migrate(app, db)})
 * and migrates at startup, ordered before every bean that uses the database.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Migrate.class)
@ConditionalOnBooleanProperty(name = "migrate.enabled", matchIfMissing = true)
@Conditional(MigrateAutoConfiguration.DataSourceOrUrlCondition.class)
@EnableConfigurationProperties(MigrateProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class MigrateAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Migrate migrate(MigrateProperties properties, ObjectProvider<DataSource> dataSource,
                           @MigrateDataSource ObjectProvider<DataSource> migrateDataSource,
                           ObjectProvider<JavaMigration> javaMigrations, ObjectProvider<ModelSource> modelSources,
                           ObjectProvider<IncludeObject> includeObject,
                           ObjectProvider<JdbcConnectionDetails> connectionDetails,
                           BeanFactory beanFactory, ResourceLoader resourceLoader, Environment environment) {
        MigrateConfig.Builder config = MigrateConfig.builder()
                .dataSource(chooseDataSource(properties, environment, dataSource, migrateDataSource))
                .dialect(properties.getDialect())
                .versionTable(properties.getVersionTable())
                .logTable(properties.getLogTable())
                .transactionPerMigration(properties.isTransactionPerMigration())
                .lock(properties.isLockEnabled(), properties.getLockTimeout())
                .validateOnMigrate(properties.isValidateOnMigrate());
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
        config.autogenerate(new AutogenerateSettings(includeObject.getIfAvailable(() -> IncludeObject.ALL),
                properties.isKeepUnownedTables()));
        config.classLoader(resourceLoader.getClassLoader());
        describeDatabase(config, properties, environment, migrateDataSource, connectionDetails);
        return new Migrate(config.build());
    }

    /**
     * The URL and user of the database migrated, as far as the settings tell without connecting (offline SQL takes
     * its dialect and user from them): the separate connection's, else the application DataSource's connection
     * details or spring.datasource.*; nothing for a {@code @MigrateDataSource} (migrate.dialect says the dialect).
     */
    private static void describeDatabase(MigrateConfig.Builder config, MigrateProperties properties,
                                         Environment environment, ObjectProvider<DataSource> migrateDataSource,
                                         ObjectProvider<JdbcConnectionDetails> connectionDetails) {
        Optional<SeparateConnection> separate = SeparateConnection.of(properties, environment);
        if (separate.isPresent()) {
            config.databaseUrl(separate.get().url()).databaseUser(separate.get().user());
            return;
        }
        if (migrateDataSource.getIfAvailable() != null) {
            return;
        }
        JdbcConnectionDetails details = connectionDetails.getIfAvailable();
        String url = null;
        String user = null;
        if (details != null) {
            try {
                url = details.getJdbcUrl();
                user = details.getUsername();
            } catch (RuntimeException e) {
                // no URL configured (Boot would look for an embedded database): the settings do not tell
            }
        }
        config.databaseUrl(url != null ? url : environment.getProperty("spring.datasource.url"))
                .databaseUser(user != null ? user : environment.getProperty("spring.datasource.username"));
    }

    /** The migrations manage the schema of their DataSource: Hibernate's default ddl-auto is then none. */
    @Bean
    @ConditionalOnMissingBean
    public MigrateSchemaManagementProvider migrateSchemaManagementProvider(ObjectProvider<Migrate> migrate) {
        return new MigrateSchemaManagementProvider(migrate);
    }

    @Bean
    @ConditionalOnMissingBean
    public MigrateInitializer migrateInitializer(Migrate migrate, ObjectProvider<MigrationStrategy> strategy,
                                                 MigrateProperties properties) {
        return new MigrateInitializer(migrate, strategy.getIfAvailable(), properties);
    }

    /** The configured model packages, or the application's own packages, as JPA's entity scan does. */
    private static List<String> modelPackages(MigrateProperties properties, BeanFactory beanFactory) {
        if (!properties.getModelPackages().isEmpty()) {
            return properties.getModelPackages();
        }
        return AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
    }

    private static DataSource chooseDataSource(MigrateProperties properties, Environment environment,
                                               ObjectProvider<DataSource> dataSource,
                                               ObjectProvider<DataSource> migrateDataSource) {
        Optional<SeparateConnection> separate = SeparateConnection.of(properties, environment);
        if (separate.isPresent()) {
            // Not a pool: nothing would close it. One connection at a time is all the engine needs.
            return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(separate.get().url())
                    .username(separate.get().user()).password(separate.get().password()).build();
        }
        DataSource qualified = migrateDataSource.getIfAvailable();
        return qualified != null ? qualified : dataSource.getObject();
    }

    /** Matches when there is a DataSource to migrate or a {@code migrate.url} to connect to. */
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
    }
}
