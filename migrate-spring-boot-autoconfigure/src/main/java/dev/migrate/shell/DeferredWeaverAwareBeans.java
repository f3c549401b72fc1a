package dev.migrate.shell;

import org.springframework.beans.factory.BeanFactoryInitializer;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * Keeps JPA's {@code EntityManagerFactory} lazy in a one-shot {@code db} run. Spring creates every
 * {@code LoadTimeWeaverAware} bean before the other singletons, lazy or not, and JPA's factory bean is one: without
 * this, a one-shot {@code db current} of an application with JPA boots Hibernate (some 6,000 classes) for nothing.
 * Called just before that lookup (a {@link BeanFactoryInitializer}), it has the bean factory pass over lazy beans whose
 * class is not loaded yet, as Spring does for lazy beans when told not to load classes eagerly, and puts the default
 * back as soon as the next bean is created, which is the first thing after that lookup. Such a bean is then created
 * when something asks for it, with the load-time weaver if the application has one. Registered only in one-shot runs.
 */
final class DeferredWeaverAwareBeans implements BeanFactoryInitializer<ConfigurableListableBeanFactory> {

    static final String BEAN_NAME = "dev.migrate.internal.deferredWeaverAwareBeans";

    @Override
    public void initialize(ConfigurableListableBeanFactory beanFactory) {
        if (beanFactory instanceof DefaultListableBeanFactory factory && factory.isAllowEagerClassLoading()) {
            factory.setAllowEagerClassLoading(false);
            factory.addBeanPostProcessor(new RestoreOnFirstBean(factory));
        }
    }

    /** Puts eager class loading back before the first bean created after the weaver-aware lookup. */
    private static final class RestoreOnFirstBean implements InstantiationAwareBeanPostProcessor {

        private final DefaultListableBeanFactory factory;
        private volatile boolean restored;

        RestoreOnFirstBean(DefaultListableBeanFactory factory) {
            this.factory = factory;
        }

        @Override
        public Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) {
            if (!restored) {
                restored = true;
                factory.setAllowEagerClassLoading(true);
            }
            return null;
        }
    }
}
