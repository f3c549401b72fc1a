package dev.migrate.shell;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * The one-shot {@code db} command in an application processed ahead of time ({@code -Dspring.aot.enabled=true}, a
 * native image). The build fixed the bean definitions with the conditions of a run without a {@code db} command, so
 * {@link MigrateCommandLineAutoConfiguration} is not among them: {@link DbCommandModeListener} registers this runner
 * instead, which finds the engine when it runs and then does what {@link DbCommandLineRunner} does, before Spring
 * Shell's prompt (which the build kept) could open.
 */
final class AheadOfTimeDbCommandLineRunner implements ApplicationRunner, Ordered {

    static final String BEAN_NAME = "dbCommandLineRunner";

    private final ConfigurableApplicationContext context;
    private final DbCommandStreams streams;

    AheadOfTimeDbCommandLineRunner(ConfigurableApplicationContext context, DbCommandStreams streams) {
        this.context = context;
        this.streams = streams;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        DbCommandExit exit = context.getBeanProvider(DbCommandExit.class)
                .getIfAvailable(() -> DbCommandExit.closing(context));
        new DbCommandLineRunner(DbCommandEngine.executor(context.getBeanFactory(), context.getEnvironment()), exit, streams.out(), streams.err()).run(arguments);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
