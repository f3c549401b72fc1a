package dev.migrate.shell;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.event.EventListenerMethodProcessor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * In a one-shot {@code db} run, Spring's {@code @EventListener} processing for the beans that are created, not for every
 * bean defined. Spring's processor looks at the type of every bean definition, lazy or not, and reads the methods of
 * each: with lazy beans that loads the classes their signatures name (Jackson's mapper alone, some 180 classes) for
 * beans a command never creates, and a listener method of such a bean creates it when its event comes (an application's
 * cache warmed on {@code ContextRefreshedEvent}, querying a database the command is about to migrate). Here the
 * listener methods of the beans created with the context are registered as Spring does, and those of a bean created
 * later (the engine, a callback) when it is created; a bean nobody asks for stays uncreated, its listeners unregistered.
 * Same processor otherwise: it is given a view of the bean factory that lists only those beans.
 */
final class CreatedBeanEventListeners extends EventListenerMethodProcessor {

    /**
     * Has the context create this processor in place of Spring's (the definition {@code AnnotationConfigUtils}
     * registers, which holds no instance supplier unless processed ahead of time: then Spring's stays).
     */
    static void replaceSpringsProcessor(ConfigurableListableBeanFactory factory) {
        String name = AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME;
        if (factory.containsBeanDefinition(name)
                && factory.getBeanDefinition(name) instanceof AbstractBeanDefinition definition
                && EventListenerMethodProcessor.class.getName().equals(definition.getBeanClassName())
                && definition.getInstanceSupplier() == null) {
            definition.setBeanClass(CreatedBeanEventListeners.class);
            factory.clearMetadataCache();
        }
    }

    private ConfigurableListableBeanFactory beanFactory;
    /** The bean names the processor's next pass sees. */
    private String[] listed = new String[0];
    private final Set<String> processed = new HashSet<>();

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        this.beanFactory = factory;
        super.postProcessBeanFactory(listingOnly(factory));
    }

    @Override
    public synchronized void afterSingletonsInstantiated() {
        // by definition, not by type: matching a type would predict, and load, the type of every lazy bean
        List<String> created = new ArrayList<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
            if (!definition.isAbstract() && (beanFactory.containsSingleton(name)
                    || definition.isSingleton() && !definition.isLazyInit())) {
                created.add(name);
            }
        }
        for (String name : beanFactory.getSingletonNames()) {
            if (!beanFactory.containsBeanDefinition(name)) {
                created.add(name); // registered as an object: created by definition
            }
        }
        pass(created.toArray(String[]::new));
        beanFactory.addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                createdLater(beanName);
                return bean;
            }
        });
    }

    private synchronized void createdLater(String beanName) {
        if (beanFactory.containsBeanDefinition(beanName) && beanFactory.getMergedBeanDefinition(beanName).isSingleton()
                && !processed.contains(beanName)) {
            pass(new String[] {beanName});
        }
    }

    private void pass(String[] names) {
        listed = names;
        processed.addAll(List.of(names));
        super.afterSingletonsInstantiated();
    }

    /** The bean factory, whose {@code getBeanNamesForType(Class)} answers the names of the current pass. */
    private ConfigurableListableBeanFactory listingOnly(ConfigurableListableBeanFactory factory) {
        return (ConfigurableListableBeanFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurableListableBeanFactory.class}, (proxy, method, args) -> {
                    if (isNamesForType(method)) {
                        return listed.clone();
                    }
                    try {
                        return method.invoke(factory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getTargetException();
                    }
                });
    }

    private static boolean isNamesForType(Method method) {
        return method.getName().equals("getBeanNamesForType") && method.getParameterCount() == 1
                && method.getParameterTypes()[0] == Class.class;
    }
}
