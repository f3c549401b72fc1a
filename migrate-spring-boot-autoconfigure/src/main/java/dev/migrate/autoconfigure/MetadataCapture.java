package dev.migrate.autoconfigure;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Keeps the boot metamodel of the application's persistence unit as Hibernate builds it (an {@link Integrator} that
 * Boot's Hibernate set-up is given), so that the entity models are that metamodel - every setting and customizer the
 * application's Hibernate saw - and it is not built a second time. Empty until JPA has started, and after it stopped.
 * A one-shot {@code db} command leaves JPA lazy: {@link #startingJpa} starts it when a command compares models.
 */
final class MetadataCapture implements Integrator, Supplier<Metadata>, SmartInitializingSingleton {

    private volatile Metadata metadata;
    /** Set once the context's singletons exist: JPA can then be asked for without a cycle through the migrations. */
    private volatile boolean started;

    @Override
    public void integrate(Metadata bootMetamodel, BootstrapContext bootstrapContext,
                          SessionFactoryImplementor sessionFactory) {
        this.metadata = bootMetamodel;
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        this.metadata = null;
    }

    @Override
    public Metadata get() {
        return metadata;
    }

    @Override
    public void afterSingletonsInstantiated() {
        started = true;
    }

    /**
     * The metamodel JPA built, if it started; otherwise, when {@code onlyJpaMaps} says that the persistence unit has
     * what a metamodel built for the check does not read (mapping files), JPA is started first, once the context's
     * singletons exist, so that the models are still the application's own mapping. Else null: the check builds the
     * boot metamodel alone (some third of JPA's start: no {@code SessionFactory}, persisters or query engine).
     */
    Supplier<Metadata> startingJpaWhen(BooleanSupplier onlyJpaMaps, ObjectProvider<?> entityManagerFactory) {
        return () -> {
            if (metadata == null && started && onlyJpaMaps.getAsBoolean()) {
                entityManagerFactory.getIfUnique();
            }
            return metadata;
        };
    }
}
