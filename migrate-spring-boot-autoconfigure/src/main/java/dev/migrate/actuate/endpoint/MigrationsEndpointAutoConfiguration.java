package dev.migrate.actuate.endpoint;

import dev.migrate.command.Migrate;
import dev.migrate.fleet.Fleet;
import org.springframework.beans.factory.ObjectProvider;
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

import java.util.LinkedHashMap;
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
    public MigrationsEndpoint migrationsEndpoint(ListableBeanFactory beans, ObjectProvider<Fleet> fleet) {
        return new MigrationsEndpoint(beans.getBeansOfType(Migrate.class), fleet.getIfAvailable());
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
        HealthContributor migrationsHealthIndicator(ListableBeanFactory beans, ObjectProvider<Fleet> fleetBean) {
            Map<String, Migrate> engines = new TreeMap<>(beans.getBeansOfType(Migrate.class));
            Fleet fleet = fleetBean.getIfAvailable();
            if (fleet == null) {
                if (engines.size() == 1) {
                    return new MigrationsHealthIndicator(engines.values().iterator().next());
                }
                return CompositeHealthContributor.fromMap(engines, MigrationsHealthIndicator::new);
            }
            // The fleet's targets replace the engine they share; with other engines, the targets are under "fleet".
            engines.values().removeIf(fleet::replaces);
            Map<String, HealthContributor> targets = new LinkedHashMap<>();
            fleet.targets().forEach(target -> targets.put(target.name(), MigrationsHealthIndicator.ofFleetTarget(target.migrate())));
            if (engines.isEmpty()) {
                return CompositeHealthContributor.fromMap(targets);
            }
            Map<String, HealthContributor> all = new LinkedHashMap<>();
            engines.forEach((name, engine) -> all.put(name, new MigrationsHealthIndicator(engine)));
            all.put("fleet", CompositeHealthContributor.fromMap(targets));
            return CompositeHealthContributor.fromMap(all);
        }
    }
}
