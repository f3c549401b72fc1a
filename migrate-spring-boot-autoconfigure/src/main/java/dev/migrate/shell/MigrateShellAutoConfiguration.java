package dev.migrate.shell;

import dev.migrate.command.Migrate;
import dev.migrate.fleet.Fleet;
import dev.migrate.fleet.FleetTarget;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.DefaultCommandParser;
import org.springframework.shell.core.command.Script;
import org.springframework.shell.jline.CommandCompleter;

import java.util.List;

/**
 * Registers the {@code db} commands with Spring Shell when it is on the classpath. Shell only scans the
 * application's own package for commands, so the starter registers its commands itself, as beans, and
 * puts its quote-preserving parser in front of Shell's.
 */
@AutoConfiguration(afterName = "dev.migrate.autoconfigure.MigrateAutoConfiguration",
        beforeName = "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.shell.core.command.Command")
@ConditionalOnBean(Migrate.class)
@Import(MigrateShellAutoConfiguration.DbCommandsRegistrar.class)
public class MigrateShellAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public DbCommandExecutor dbCommandExecutor(ListableBeanFactory beans, Environment environment) {
        return DbCommandEngine.executor(beans, environment);
    }

    @Bean
    @ConditionalOnMissingBean
    public DbCompletion dbCompletion(ListableBeanFactory beans, Environment environment) {
        Fleet fleet = beans.getBeanProvider(Fleet.class).getIfAvailable();
        return new DbCompletion(DbCommandEngine.choose(beans, environment), beans.getBeansOfType(Migrate.class),
                fleet == null ? List.of() : fleet.targets().stream().map(FleetTarget::name).toList());
    }

    @Bean
    @ConditionalOnMissingBean
    public DbOutputStyle dbOutputStyle() {
        return DbOutputStyle.PLAIN;
    }

    @Bean
    @ConditionalOnMissingBean(CommandParser.class)
    public CommandParser dbAwareCommandParser(CommandRegistry commandRegistry) {
        return new DbCommandParser(new DefaultCommandParser(commandRegistry));
    }

    /**
     * Shell's {@code script} command parses its lines with a {@link DefaultCommandParser} of its own, not with the
     * application's parser: {@code db upgrade head --sql} in a script would fail to parse (and the script go on),
     * and {@code --sql=true} would be dropped, running a real upgrade. The script gets the same db-aware parser
     * in front of that default.
     */
    @Bean
    static BeanPostProcessor dbAwareScriptParser(ObjectProvider<CommandRegistry> commandRegistry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof Script script) {
                    script.setCommandParser(new DbCommandParser(new DefaultCommandParser(commandRegistry.getObject())));
                }
                return bean;
            }
        };
    }

    /**
     * With Shell's JLine prompt: Tab completion of revision ids in arguments (Shell's own completer only
     * asks a command when the word is empty, see {@link DbCommandCompleter}), and colours. Shell's
     * {@code commandCompleter} bean is conditional on a missing {@link CommandCompleter}, and this
     * configuration runs before Shell's.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.shell.jline.CommandCompleter")
    static class JLineConfiguration {

        @Bean
        @ConditionalOnMissingBean(CommandCompleter.class)
        public CommandCompleter dbCommandCompleter(CommandRegistry commandRegistry, DbCompletion completion) {
            return new DbCommandCompleter(commandRegistry, completion);
        }

        @Bean
        @ConditionalOnMissingBean
        public DbOutputStyle dbOutputStyle(ObjectProvider<Terminal> terminal) {
            return new JLineOutputStyle(terminal);
        }
    }

    /**
     * In a web application without an explicit {@code spring.shell.interactive.enabled}: any runner bean
     * replaces Shell's (it is conditional on there being none), so neither a prompt nor Shell's
     * arguments-as-a-command runner start, and the server simply serves.
     */
    @Bean
    @ConditionalOnBooleanProperty(WebApplicationShellDefaults.NO_PROMPT)
    public ApplicationRunner migrateWebApplicationWithoutPrompt() {
        return arguments -> { };
    }

    /** What the db commands quiet and restore around a run: the application's LoggingSystem, when it has one. */
    @Bean
    @ConditionalOnMissingBean
    DbCommandLogs dbCommandLogs(ObjectProvider<LoggingSystem> loggingSystem) {
        return new DbCommandLogs(loggingSystem.getIfAvailable());
    }

    /**
     * One Shell command bean per verb, so that Shell's help lists each {@code db <verb>}. Registered by class with
     * constructor arguments (the verb, references to the other beans), not with an instance supplier: AOT code
     * generation ({@code process-aot}, native images) refuses instance-supplier lambdas.
     */
    static final class DbCommandsRegistrar implements ImportBeanDefinitionRegistrar {

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            for (DbVerb verb : DbVerb.values()) {
                RootBeanDefinition definition = new RootBeanDefinition(DbShellCommand.class);
                ConstructorArgumentValues arguments = definition.getConstructorArgumentValues();
                arguments.addIndexedArgumentValue(0, verb);
                arguments.addIndexedArgumentValue(1, new RuntimeBeanReference(DbCommandExecutor.class));
                arguments.addIndexedArgumentValue(2, new RuntimeBeanReference(DbCompletion.class));
                arguments.addIndexedArgumentValue(3, new RuntimeBeanReference(DbOutputStyle.class));
                arguments.addIndexedArgumentValue(4, new RuntimeBeanReference(DbCommandLogs.class));
                registry.registerBeanDefinition("db" + Character.toUpperCase(verb.verb().charAt(0))
                        + verb.verb().substring(1) + "Command", definition);
            }
        }
    }
}
