package dev.migrate.autoconfigure;

import dev.migrate.schema.ModelSource;
import dev.migrate.schema.Schema;
import dev.migrate.schema.annotation.Table;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The annotated model classes of the configured packages, found the first time a command needs them:
 * only {@code db migrate} and {@code db check} compare models, so a normal startup never scans.
 */
final class ScannedModels implements ModelSource {

    private final List<String> packages;
    private final ClassLoader classLoader;
    private volatile Schema schema;

    ScannedModels(List<String> packages, ClassLoader classLoader) {
        this.packages = List.copyOf(packages);
        this.classLoader = classLoader;
    }

    @Override
    public Schema schema() {
        Schema read = schema;
        if (read == null) {
            read = ModelSource.annotated(scan()).schema();
            schema = read;
        }
        return read;
    }

    private List<Class<?>> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                // Records and nested static classes are models too, not only top-level concrete classes.
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Table.class));
        scanner.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(classLoader));
        Set<String> names = new LinkedHashSet<>();
        for (String basePackage : packages) {
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
}
