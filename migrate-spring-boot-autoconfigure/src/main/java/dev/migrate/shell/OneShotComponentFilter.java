package dev.migrate.shell;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.AbstractTypeHierarchyTraversingFilter;

import java.io.IOException;
import java.util.Set;

/**
 * In a one-shot {@code java -jar app.jar db ...} run, leaves the application's front components out of its component
 * scan: web controllers and controller advice, Spring Shell command classes, actuator endpoints. They answer requests
 * or the prompt, neither of which a one-shot command has, and nothing a command creates injects them: without a bean
 * definition, their classes and everything their methods name (servlet requests, web and Shell annotations) are never
 * loaded. Judged from the class file ({@code @SpringBootApplication}'s scan consults every {@link TypeExcludeFilter}
 * bean), so nothing is loaded to decide.
 * <p>
 * Every other component stays (lazily created): the application's DataSource configuration, callbacks, customizers,
 * Java migrations and the services they use. A front component that is also one of the types a command consumes (an
 * extension of the engine, a DataSource, a bean or bean factory post-processor) stays too. Registered only in one-shot
 * runs with the minimal context ({@code migrate.command-line.minimal-context}).
 */
final class OneShotComponentFilter extends TypeExcludeFilter {

    static final String BEAN_NAME = "dev.migrate.internal.oneShotComponentFilter";

    /** Annotations, direct or meta, that make a class a front component. */
    private static final Set<String> FRONT_ANNOTATIONS = Set.of(
            "org.springframework.stereotype.Controller",
            "org.springframework.web.bind.annotation.ControllerAdvice",
            "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
            "org.springframework.boot.actuate.endpoint.annotation.EndpointExtension");

    /** Spring Shell's command methods: a class holding them is a command class. */
    private static final String SHELL_COMMAND = "org.springframework.shell.core.command.annotation.Command";

    /** The types a command may consume from the application's beans: a class of one of them is always kept. */
    static final Set<String> CONSUMED_TYPES = Set.of(
            "javax.sql.DataSource", "dev.migrate.command.Migrate", "dev.migrate.runtime.MigrationCallback",
            "dev.migrate.script.JavaMigration", "dev.migrate.schema.ModelSource", "dev.migrate.autogenerate.IncludeName",
            "dev.migrate.autogenerate.IncludeObject", "dev.migrate.autogenerate.ProcessRevisionDirectives",
            "dev.migrate.autoconfigure.MigrateConfigCustomizer", "dev.migrate.autoconfigure.MigrationStrategy",
            "dev.migrate.autoconfigure.MigrateConnectionDetails", "dev.migrate.shell.DbCommandExit",
            "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails",
            "org.springframework.beans.factory.config.BeanPostProcessor",
            "org.springframework.beans.factory.config.BeanFactoryPostProcessor",
            "org.springframework.beans.factory.FactoryBean",
            "org.hibernate.boot.model.naming.PhysicalNamingStrategy",
            "org.hibernate.boot.model.naming.ImplicitNamingStrategy",
            "org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer");

    private final ConsumedTypeFilter consumed = new ConsumedTypeFilter();

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
        return isFront(reader.getAnnotationMetadata()) && !consumed.match(reader, factory);
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    static boolean isFront(AnnotationMetadata metadata) {
        return FRONT_ANNOTATIONS.stream().anyMatch(metadata::isAnnotated) || metadata.hasAnnotatedMethods(SHELL_COMMAND);
    }

    /** Whether a class is, or extends or implements, one of {@link #CONSUMED_TYPES}: read from class files, by name. */
    private static final class ConsumedTypeFilter extends AbstractTypeHierarchyTraversingFilter {

        ConsumedTypeFilter() {
            super(true, true);
        }

        @Override
        protected boolean matchClassName(String className) {
            return CONSUMED_TYPES.contains(className);
        }

        @Override
        protected Boolean matchSuperClass(String superClassName) {
            return known(superClassName);
        }

        @Override
        protected Boolean matchInterface(String interfaceName) {
            return known(interfaceName);
        }

        /** The answer without reading the type's class file, or null to read it and look further up. */
        private static Boolean known(String typeName) {
            if (CONSUMED_TYPES.contains(typeName)) {
                return true;
            }
            return typeName.startsWith("java.") ? Boolean.FALSE : null;
        }
    }
}
