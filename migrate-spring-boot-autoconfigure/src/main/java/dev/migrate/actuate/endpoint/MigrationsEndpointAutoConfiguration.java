package dev.migrate.actuate.endpoint;

import dev.migrate.command.Migrate;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code migrations} endpoint and health indicator, when actuator is on the classpath. Ordered
 * after the engine's own auto-configuration by name, so this package never imports it.
 */
@AutoConfiguration(afterName = "dev.migrate.autoconfigure.MigrateAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(Migrate.class)
public class MigrationsEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
    public MigrationsEndpoint migrationsEndpoint(ListableBeanFactory beans) {
        return new MigrationsEndpoint(beans.getBeansOfType(Migrate.class));
    }

    /**
     * Only when Boot's health support is there too. Health component {@code migrations}: one engine's indicator, or
     * with several engines (several databases, {@code @Bean(defaultCandidate = false)} ones included) a composite with a
     * component per engine, by bean name, so that the one behind says OUT_OF_DATE on its own.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnEnabledHealthIndicator("migrations")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "migrationsHealthIndicator")
        HealthContributor migrationsHealthIndicator(ListableBeanFactory beans) {
            Map<String, Migrate> engines = new TreeMap<>(beans.getBeansOfType(Migrate.class));
            if (engines.size() == 1) {
                return new MigrationsHealthIndicator(engines.values().iterator().next());
            }
            return CompositeHealthContributor.fromMap(engines, MigrationsHealthIndicator::new);
        }
    }
}
