package dev.migrate.autoconfigure;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

import java.util.function.Supplier;

/**
 * Keeps the boot metamodel of the application's persistence unit as Hibernate builds it (an {@link Integrator} that
 * Boot's Hibernate set-up is given), so that the entity models are that metamodel - every setting and customizer the
 * application's Hibernate saw - and it is not built a second time. Empty until JPA has started, and after it stopped.
 */
final class MetadataCapture implements Integrator, Supplier<Metadata> {

    private volatile Metadata metadata;

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
}
