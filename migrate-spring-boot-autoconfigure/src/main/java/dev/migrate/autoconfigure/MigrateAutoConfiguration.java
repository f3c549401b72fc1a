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
                           BeanFactory beanFactory, ResourceLoader resourceLoader, Environment environment) {
        MigrateConfig.Builder config = MigrateConfig.builder()
                .dataSource(chooseDataSource(properties, environment, dataSource, migrateDataSource))
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
        return new Migrate(config.build());
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
