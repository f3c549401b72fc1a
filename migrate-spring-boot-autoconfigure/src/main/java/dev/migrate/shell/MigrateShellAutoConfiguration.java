package dev.migrate.shell;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.command.Migrate;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.DefaultCommandParser;

/**
 * Registers the {@code db} commands with Spring Shell when it is on the classpath. Shell only scans the
 * application's own package for commands, so the starter registers its commands itself, as beans, and
 * puts its quote-preserving parser in front of Shell's.
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class,
        beforeName = "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.shell.core.command.Command")
@ConditionalOnBean(Migrate.class)
@Import(MigrateShellAutoConfiguration.DbCommandsRegistrar.class)
public class MigrateShellAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public DbCommandExecutor dbCommandExecutor(Migrate migrate) {
        return new DbCommandExecutor(migrate);
    }

    @Bean
    @ConditionalOnMissingBean
    public DbCompletion dbCompletion(Migrate migrate) {
        return new DbCompletion(migrate);
    }

    @Bean
    @ConditionalOnMissingBean(CommandParser.class)
    public CommandParser dbAwareCommandParser(CommandRegistry commandRegistry) {
        return new DbCommandParser(new DefaultCommandParser(commandRegistry));
    }

    /** One Shell command bean per verb, so that Shell's help lists each {@code db <verb>}. */
    static final class DbCommandsRegistrar implements ImportBeanDefinitionRegistrar, BeanFactoryAware {

        private BeanFactory beanFactory;

        @Override
        public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
            this.beanFactory = beanFactory;
        }

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            for (DbVerb verb : DbVerb.values()) {
                RootBeanDefinition definition = new RootBeanDefinition(DbShellCommand.class,
                        () -> new DbShellCommand(verb, beanFactory.getBean(DbCommandExecutor.class),
                                beanFactory.getBean(DbCompletion.class)));
                registry.registerBeanDefinition("db" + Character.toUpperCase(verb.verb().charAt(0))
                        + verb.verb().substring(1) + "Command", definition);
            }
        }
    }
}
