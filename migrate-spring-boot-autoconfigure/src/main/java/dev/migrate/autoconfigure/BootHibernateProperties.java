package dev.migrate.autoconfigure;

import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.cfg.ManagedBeanSettings;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.hibernate.autoconfigure.HibernateProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.hibernate.autoconfigure.HibernateSettings;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.hibernate.SpringBeanContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Hibernate's properties as Boot's JPA set-up hands them to Hibernate ({@code HibernateJpaConfiguration}), worked out
 * by Boot's own {@link HibernateProperties#determineHibernateProperties}: {@code spring.jpa.properties.*}, then
 * {@code spring.jpa.hibernate.naming.*} with Boot's default strategies, then Spring as Hibernate's bean container (so
 * that converters may depend on the application's beans), the naming-strategy beans, and the application's
 * {@link HibernatePropertiesCustomizer} beans in their order. A metamodel built for a check with them maps
 * the entities as the application's JPA would, without starting it. Apart from {@link EntityModelSettingsFactory} so
 * that spring-boot-hibernate is loaded only when present.
 */
final class BootHibernateProperties implements Supplier<Map<String, Object>> {

    private final Environment environment;
    private final ObjectProvider<PhysicalNamingStrategy> physicalNamingStrategy;
    private final ObjectProvider<ImplicitNamingStrategy> implicitNamingStrategy;
    private final ObjectProvider<HibernatePropertiesCustomizer> customizers;
    /** One for every build, so that the settings stay equal from one command to the next (stopped after each build). */
    private final SpringBeanContainer beanContainer;

    BootHibernateProperties(Environment environment, ConfigurableListableBeanFactory beanFactory,
                            ObjectProvider<PhysicalNamingStrategy> physicalNamingStrategy,
                            ObjectProvider<ImplicitNamingStrategy> implicitNamingStrategy,
                            ObjectProvider<HibernatePropertiesCustomizer> customizers) {
        this.environment = environment;
        this.beanContainer = new SpringBeanContainer(beanFactory);
        this.physicalNamingStrategy = physicalNamingStrategy;
        this.implicitNamingStrategy = implicitNamingStrategy;
        this.customizers = customizers;
    }

    @Override
    public Map<String, Object> get() {
        Binder binder = Binder.get(environment);
        HibernateProperties hibernate = binder.bind("spring.jpa.hibernate", HibernateProperties.class)
                .orElseGet(HibernateProperties::new);
        List<HibernatePropertiesCustomizer> all = new ArrayList<>();
        all.add(properties -> properties.put(ManagedBeanSettings.BEAN_CONTAINER, beanContainer));
        // as Boot's NamingStrategiesHibernatePropertiesCustomizer: the beans in place of the properties' class names
        all.add(properties -> {
            physicalNamingStrategy.ifAvailable(bean -> properties.put("hibernate.physical_naming_strategy", bean));
            implicitNamingStrategy.ifAvailable(bean -> properties.put("hibernate.implicit_naming_strategy", bean));
        });
        customizers.orderedStream().forEach(all::add);
        Map<String, Object> properties = hibernate.determineHibernateProperties(
                EntityModelSettingsFactory.jpaProperties(environment),
                new HibernateSettings().ddlAuto(() -> "none").hibernatePropertiesCustomizers(all));
        // read only when a SessionFactory is built, and a new object at each call (our MetadataCapture's among them)
        properties.remove(JpaSettings.INTEGRATOR_PROVIDER);
        return properties;
    }
}
