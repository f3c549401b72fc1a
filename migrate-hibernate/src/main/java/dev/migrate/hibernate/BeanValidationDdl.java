package dev.migrate.hibernate;

import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.beanvalidation.BeanValidationIntegrator;
import org.hibernate.boot.beanvalidation.ValidationMode;
import org.hibernate.boot.internal.ClassLoaderAccessImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;
import org.hibernate.boot.spi.ClassLoaderAccess;
import org.hibernate.cfg.ValidationSettings;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.config.spi.StandardConverters;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Bean Validation's column constraints ({@code @NotNull} as not null, {@code @Size(max)} as a length, {@code @Min}
 * and {@code @Max} as checks, {@code @Digits} as precision and scale) applied to a metamodel built for a check, as
 * Hibernate applies them to the application's own when its {@code SessionFactory} starts: its
 * {@code BeanValidationIntegrator} runs only then, never for a boot metamodel alone, so without this a check that builds
 * the metamodel would see other columns than the running application and {@code ddl-auto=create}. Under Hibernate's
 * own conditions, by its own code ({@code TypeSafeActivator.applyRelationalConstraints}, a public method of a
 * package-private class, called as Hibernate itself calls that class: by reflection): the Jakarta Validation API on
 * the entities' class path,
 * {@code jakarta.persistence.validation.mode} {@code auto} (the default) or {@code ddl},
 * {@code hibernate.validator.apply_to_ddl} not false; the {@code ValidatorFactory} given in the settings, else the
 * default one (with {@code auto}, no provider means nothing is applied).
 */
final class BeanValidationDdl {

    private BeanValidationDdl() {
    }

    static void apply(Metadata metadata, StandardServiceRegistry registry) {
        ConfigurationService configuration = registry.requireService(ConfigurationService.class);
        Map<String, Object> settings = configuration.getSettings();
        Object mode = settings.get(BeanValidationIntegrator.JAKARTA_MODE_PROPERTY);
        Set<ValidationMode> modes = ValidationMode.parseValidationModes(mode != null ? mode
                : settings.get(BeanValidationIntegrator.MODE_PROPERTY));
        if (!modes.contains(ValidationMode.AUTO) && !modes.contains(ValidationMode.DDL)
                || !configuration.getSetting(BeanValidationIntegrator.APPLY_CONSTRAINTS, StandardConverters.BOOLEAN,
                        true)) {
            return;
        }
        ClassLoaderService loading = registry.requireService(ClassLoaderService.class);
        try {
            loading.classForName(BeanValidationIntegrator.JAKARTA_BV_CHECK_CLASS);
        } catch (ClassLoadingException e) {
            if (modes.contains(ValidationMode.DDL)) {
                throw new HibernateException("Bean Validation API was not available, but 'ddl' validation was requested");
            }
            return;
        }
        WithTheApi.apply(metadata, settings, loading, modes.contains(ValidationMode.DDL));
    }

    /** What needs the Jakarta Validation API: loaded only once it is known to be there. */
    private static final class WithTheApi {

        private static final String ACTIVATOR = "org.hibernate.boot.beanvalidation.TypeSafeActivator";

        static void apply(Metadata metadata, Map<String, Object> settings, ClassLoaderService loading,
                          boolean required) {
            ValidatorFactory given = given(settings);
            ValidatorFactory factory = given;
            if (factory == null) {
                try {
                    factory = Validation.buildDefaultValidatorFactory();
                } catch (NoProviderFoundException e) {
                    if (required) {
                        throw new HibernateException("No Jakarta Validation provider, but 'ddl' validation was requested",
                                e);
                    }
                    return;
                } catch (RuntimeException e) {
                    throw new HibernateException("Unable to build the default ValidatorFactory: " + e.getMessage(), e);
                }
            }
            try {
                Method constraints = loading.classForName(ACTIVATOR).getMethod("applyRelationalConstraints",
                        ValidatorFactory.class, Collection.class, Map.class, Dialect.class, ClassLoaderAccess.class);
                constraints.setAccessible(true);
                constraints.invoke(null, factory, metadata.getEntityBindings(), settings,
                        metadata.getDatabase().getDialect(), new ClassLoaderAccessImpl(loading));
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof HibernateException hibernate ? hibernate
                        : new HibernateException("Bean Validation's constraints could not be applied: " + e.getCause(), e);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new HibernateException("Hibernate's Bean Validation activator could not be called: " + e, e);
            } finally {
                if (given == null) {
                    factory.close();
                }
            }
        }

        private static ValidatorFactory given(Map<String, Object> settings) {
            // Hibernate reads the older name first, then the Jakarta one
            Object value = settings.get("javax.persistence.validation.factory");
            if (value == null) {
                value = settings.get(ValidationSettings.JAKARTA_VALIDATION_FACTORY);
            }
            if (value == null || value instanceof ValidatorFactory) {
                return (ValidatorFactory) value;
            }
            throw new HibernateException("The ValidatorFactory given in the settings is not a "
                    + ValidatorFactory.class.getName() + ": " + value.getClass().getName());
        }
    }
}
