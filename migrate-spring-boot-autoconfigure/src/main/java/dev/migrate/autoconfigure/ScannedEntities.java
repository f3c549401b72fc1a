package dev.migrate.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The application's JPA classes, found as Boot's JPA set-up finds them: in the {@code @EntityScan} packages, else the
 * auto-configuration packages (the {@code @SpringBootApplication}'s). Scanned the first time a command compares
 * models ({@code db migrate}, {@code db check}), never at startup.
 */
final class ScannedEntities implements Supplier<Collection<Class<?>>> {

    private static final List<String> JPA_ANNOTATIONS = List.of("jakarta.persistence.Entity",
            "jakarta.persistence.Embeddable", "jakarta.persistence.MappedSuperclass", "jakarta.persistence.Converter");

    private final BeanFactory beanFactory;
    private final ClassLoader classLoader;

    ScannedEntities(BeanFactory beanFactory, ClassLoader classLoader) {
        this.beanFactory = beanFactory;
        this.classLoader = classLoader;
    }

    @Override
    public Collection<Class<?>> get() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        for (String annotation : JPA_ANNOTATIONS) {
            scanner.addIncludeFilter(new AnnotationTypeFilter(annotationType(annotation)));
        }
        scanner.setResourceLoader(new DefaultResourceLoader(classLoader));
        Set<String> names = new LinkedHashSet<>();
        for (String basePackage : packages()) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
                names.add(candidate.getBeanClassName());
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(ClassUtils.resolveClassName(name, classLoader));
        }
        return classes;
    }

    private List<String> packages() {
        if (ClassUtils.isPresent("org.springframework.boot.persistence.autoconfigure.EntityScanPackages", classLoader)) {
            List<String> scanned = EntityScan.packages(beanFactory);
            if (!scanned.isEmpty()) {
                return scanned;
            }
        }
        return AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
    }

    @SuppressWarnings("unchecked")
    private Class<? extends Annotation> annotationType(String name) {
        return (Class<? extends Annotation>) ClassUtils.resolveClassName(name, classLoader);
    }

    /** Apart, so that spring-boot-persistence is loaded only when present. */
    private static final class EntityScan {

        static List<String> packages(BeanFactory beanFactory) {
            return EntityScanPackages.get(beanFactory).getPackageNames();
        }
    }
}
