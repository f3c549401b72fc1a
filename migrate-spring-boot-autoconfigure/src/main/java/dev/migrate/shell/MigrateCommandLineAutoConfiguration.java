package dev.migrate.shell;

import dev.migrate.command.Migrate;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar app.jar db <command>}: active only when {@link DbCommandModeListener} saw a {@code db}
 * command, and independent of Spring Shell, so every application with the starter has the command line.
 */
@AutoConfiguration(afterName = "dev.migrate.autoconfigure.MigrateAutoConfiguration")
@ConditionalOnBooleanProperty(DbCommandModeListener.ACTIVE_PROPERTY)
@ConditionalOnBean(Migrate.class)
public class MigrateCommandLineAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public DbCommandExit dbCommandExit(ApplicationContext context) {
        return DbCommandExit.closing(context);
    }

    @Bean
    public DbCommandLineRunner dbCommandLineRunner(ListableBeanFactory beans, Environment environment, DbCommandExit exit,
                                                   ObjectProvider<DbCommandStreams> streams) {
        DbCommandStreams chosen = streams.getIfAvailable(() -> new DbCommandStreams(System.out, System.err));
        return new DbCommandLineRunner(DbCommandEngine.executor(beans, environment), exit, chosen.out(),
                chosen.err());
    }
}
