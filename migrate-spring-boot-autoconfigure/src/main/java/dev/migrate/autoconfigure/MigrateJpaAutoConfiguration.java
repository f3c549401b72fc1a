package dev.migrate.autoconfigure;

import dev.migrate.command.Migrate;
import dev.migrate.hibernate.EntityModelSource;
import dev.migrate.schema.ModelSource;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Migrations next to Hibernate: the application's JPA entities are models (as Flask-Migrate reads the app's
 * SQLAlchemy models), merged with the annotated records and {@code ModelSource} beans; and a warning when Hibernate
 * is also told to change the schema. The entity models need migrate-hibernate on the class path.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.hibernate.boot.MetadataSources")
@ConditionalOnBooleanProperty(name = "migrate.enabled", matchIfMissing = true)
public class MigrateJpaAutoConfiguration {

    @Bean
    static HibernateDdlAutoWarning migrateHibernateDdlAutoWarning(Environment environment) {
        return new HibernateDdlAutoWarning(environment);
    }

    /** The entity tables as a model source: found and mapped only when a command compares models. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(EntityModelSource.class)
    @ConditionalOnBooleanProperty(name = "migrate.jpa-entities", matchIfMissing = true)
    static class EntityModelsConfiguration {

        /** Settings that Hibernate's JPA bootstrap reads and a {@code MetadataSources} build does not. */
        private static final List<String> JPA_BOOTSTRAP_ONLY = List.of(JpaSettings.TYPE_CONTRIBUTORS,
                JpaSettings.METADATA_BUILDER_CONTRIBUTOR, JpaSettings.STRATEGY_REGISTRATION_PROVIDERS);

        @Bean
        MetadataCapture migrateMetadataCapture() {
            return new MetadataCapture();
        }

        @Bean
        EntityModelSource migrateEntityModels(BeanFactory beanFactory, ResourceLoader resourceLoader,
                                              Environment environment, ObjectProvider<Migrate> migrate,
                                              ObjectProvider<PhysicalNamingStrategy> physicalNamingStrategy,
                                              ObjectProvider<ImplicitNamingStrategy> implicitNamingStrategy,
                                              ObjectProvider<BootHibernateProperties> bootHibernateProperties,
                                              MetadataCapture capture,
                                              ObjectProvider<EntityManagerFactory> entityManagerFactory) {
            ClassLoader classLoader = resourceLoader.getClassLoader();
            BootHibernateProperties boot = bootHibernateProperties.getIfAvailable();
            Supplier<Map<String, Object>> hibernateProperties = boot != null ? boot
                    : EntityModelSettingsFactory.springJpaProperties(environment, physicalNamingStrategy,
                            implicitNamingStrategy);
            return EntityModelSource.lazy(new ScannedEntities(beanFactory, classLoader),
                    new EntityModelSettingsFactory(environment, migrate, hibernateProperties, classLoader),
                    capture.startingJpaWhen(() -> onlyJpaMaps(environment, resourceLoader, hibernateProperties.get()),
                            entityManagerFactory));
        }

        /**
         * Whether the application's JPA maps the entities with what a metamodel built for a check from the scanned
         * classes does not read: mapping files ({@code spring.jpa.mapping-resources}, else Spring's default
         * {@code META-INF/orm.xml}) and the contributors that only JPA's bootstrap applies.
         */
        static boolean onlyJpaMaps(Environment environment, ResourceLoader resourceLoader,
                                   Map<String, Object> hibernateProperties) {
            return StringUtils.hasText(environment.getProperty("spring.jpa.mapping-resources"))
                    || resourceLoader.getResource(ResourceLoader.CLASSPATH_URL_PREFIX + "META-INF/orm.xml").exists()
                    || JPA_BOOTSTRAP_ONLY.stream().anyMatch(hibernateProperties::containsKey);
        }

        /**
         * With Boot's Hibernate set-up: hands the capture to it, next to any integrators the application gives it, and
         * works out Hibernate's properties as it does for a metamodel built without starting JPA.
         */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer")
        static class CaptureConfiguration {

            @Bean
            BootHibernateProperties migrateBootHibernateProperties(Environment environment,
                    ConfigurableListableBeanFactory beanFactory,
                    ObjectProvider<PhysicalNamingStrategy> physicalNamingStrategy,
                    ObjectProvider<ImplicitNamingStrategy> implicitNamingStrategy,
                    ObjectProvider<HibernatePropertiesCustomizer> customizers) {
                return new BootHibernateProperties(environment, beanFactory, physicalNamingStrategy,
                        implicitNamingStrategy, customizers);
            }

            @Bean
            HibernatePropertiesCustomizer migrateMetadataCaptureCustomizer(MetadataCapture capture) {
                return properties -> {
                    Object given = properties.get(JpaSettings.INTEGRATOR_PROVIDER);
                    if (given != null && !(given instanceof IntegratorProvider)) {
                        return; // a class name: left as it is; the entity models are then mapped on their own
                    }
                    List<Integrator> integrators = new ArrayList<>();
                    if (given instanceof IntegratorProvider provider) {
                        integrators.addAll(provider.getIntegrators());
                    }
                    integrators.add(capture);
                    properties.put(JpaSettings.INTEGRATOR_PROVIDER, (IntegratorProvider) () -> integrators);
                };
            }
        }
    }
}
