package dev.migrate.autoconfigure;

import dev.migrate.command.Migrate;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@link Migrate} bean of the context, by bean name, in startup order: their {@code @Order} (on the class or
 * the {@code @Bean} method; {@code Migrate} is final, so never {@link Ordered}), unordered ones last, ties in the order they were declared. Beans
 * declared with {@code @Bean(defaultCandidate = false)} (engines for further DataSources, which leave the
 * auto-configured engine in place) are among them. The primary engine is the one injection would choose: the only
 * default candidate, or the {@code @Primary} one.
 */
record MigrateEngines(Map<String, Migrate> byName, Migrate primary) {

    static MigrateEngines of(ListableBeanFactory beans, ObjectProvider<Migrate> candidates) {
        Map<String, Migrate> all = beans.getBeansOfType(Migrate.class);
        List<String> ordered = all.keySet().stream()
                .sorted(Comparator.comparingInt(name -> order(beans, name))).toList();
        Map<String, Migrate> byName = new LinkedHashMap<>();
        ordered.forEach(name -> byName.put(name, all.get(name)));
        return new MigrateEngines(byName, candidates.getIfUnique());
    }

    private static int order(ListableBeanFactory beans, String name) {
        Order order = beans.findAnnotationOnBean(name, Order.class);
        return order != null ? order.value() : Ordered.LOWEST_PRECEDENCE;
    }
}
