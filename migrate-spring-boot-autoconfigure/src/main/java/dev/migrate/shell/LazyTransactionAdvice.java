package dev.migrate.shell;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.transaction.annotation.AbstractTransactionManagementConfiguration;
import org.springframework.transaction.config.TransactionManagementConfigUtils;
import org.springframework.transaction.interceptor.BeanFactoryTransactionAttributeSourceAdvisor;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Field;

/**
 * In a one-shot {@code db} run, creates Spring's {@code @Transactional} advisor with its interceptor named rather than
 * built, as {@code <tx:annotation-driven/>} does: the interceptor is then created when a transactional bean is first
 * called, not with the first bean of the context. Its constructor takes Spring's {@code ReactiveAdapterRegistry}, which
 * loads some 270 Reactor classes whenever Reactor is on the class path (Spring Shell brings it), for nothing in a
 * command that calls no transactional bean (the interceptor's bean is made lazy for that). Same advisor, pointcut,
 * attribute source, interceptor and order as {@code @EnableTransactionManagement}'s; only the advisor that
 * configuration declares is replaced, and only while the configuration is the one this was written against.
 */
final class LazyTransactionAdvice implements InstantiationAwareBeanPostProcessor, BeanFactoryPostProcessor {

    /** The interceptor's bean name in {@code ProxyTransactionManagementConfiguration}. */
    static final String INTERCEPTOR_BEAN_NAME = "transactionInterceptor";

    private final ConfigurableListableBeanFactory beanFactory;

    LazyTransactionAdvice(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /** The interceptor, an infrastructure bean that lazy initialization leaves eager, made lazy too. */
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        if (factory.containsBeanDefinition(INTERCEPTOR_BEAN_NAME)) {
            factory.getBeanDefinition(INTERCEPTOR_BEAN_NAME).setLazyInit(true);
        }
    }

    @Override
    public Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) {
        if (!TransactionManagementConfigUtils.TRANSACTION_ADVISOR_BEAN_NAME.equals(beanName)
                || !beanFactory.containsBeanDefinition(beanName) || !beanFactory.containsBean(INTERCEPTOR_BEAN_NAME)) {
            return null;
        }
        String configuration = beanFactory.getBeanDefinition(beanName).getFactoryBeanName();
        if (configuration == null
                || !(beanFactory.getBean(configuration) instanceof AbstractTransactionManagementConfiguration declared)) {
            return null;
        }
        Field enableTxField = ReflectionUtils.findField(AbstractTransactionManagementConfiguration.class, "enableTx");
        if (enableTxField == null) {
            return null; // not the configuration this was written against: its own advisor, as it declares it
        }
        ReflectionUtils.makeAccessible(enableTxField);
        AnnotationAttributes enableTx = (AnnotationAttributes) ReflectionUtils.getField(enableTxField, declared);
        BeanFactoryTransactionAttributeSourceAdvisor advisor = new BeanFactoryTransactionAttributeSourceAdvisor();
        advisor.setTransactionAttributeSource(beanFactory.getBeanProvider(TransactionAttributeSource.class).getIfUnique(
                () -> beanFactory.getBean("transactionAttributeSource", TransactionAttributeSource.class)));
        advisor.setAdviceBeanName(INTERCEPTOR_BEAN_NAME);
        advisor.setBeanFactory(beanFactory);
        // explicit, as the configuration sets it (unset, an advisor's order is its advice's: none, the lowest), so
        // that ordering the advisor never asks for the interceptor
        advisor.setOrder(enableTx != null ? enableTx.<Integer>getNumber("order") : Ordered.LOWEST_PRECEDENCE);
        return advisor;
    }
}
