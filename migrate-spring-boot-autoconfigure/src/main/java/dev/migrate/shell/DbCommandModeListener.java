package dev.migrate.shell;

import org.springframework.aot.AotDetector;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises {@code java -jar app.jar db <command> ...} before anything starts, and turns the run into a
 * one-shot command: no web server, no startup upgrade (a {@code db downgrade} must not first upgrade), no
 * interactive prompt, no banner, and only warnings in the log so the command's own output stands alone.
 * Standard output is the command's alone: from the start of the run until it ends, {@code System.out} is the
 * error stream (log lines, warnings about scripts, whatever a library prints), and the command writes to the real
 * one ({@link DbCommandStreams}), so that {@code db upgrade --sql > up.sql} is a file that runs.
 * Runs before Boot's own listener so that logging is configured with these settings.
 */
public final class DbCommandModeListener implements SpringApplicationRunListener, Ordered {

    /**
     * Set when the run is a one-shot {@code db} command. An internal switch, outside the public {@code migrate.*}
     * namespace (and so outside the configuration metadata): applications never set it.
     */
    public static final String ACTIVE_PROPERTY = "dev.migrate.internal.command-line-active";

    /** Boot's listener that warms Jackson, validation, Tomcat and conversion caches on a thread of its own. */
    static final String BACKGROUND_PREINITIALIZER =
            "org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializingApplicationListener";

    private final SpringApplication application;
    private final String[] args;
    /** Where help is printed: the process's standard output unless a test gives another stream. */
    private final PrintStream helpOutput;
    private final DbCommandExit exit;
    /** The process's standard output while {@code System.out} points at the error stream; null when not swapped. */
    private PrintStream commandOutput;

    public DbCommandModeListener(SpringApplication application, String[] args) {
        this(application, args, null, System::exit);
    }

    DbCommandModeListener(SpringApplication application, String[] args, PrintStream helpOutput, DbCommandExit exit) {
        this.application = application;
        this.args = args;
        this.helpOutput = helpOutput;
        this.exit = exit;
    }

    public static boolean isDbCommand(String[] args) {
        return args != null && args.length > 0 && "db".equals(args[0]);
    }

    /**
     * {@code db --help} and {@code db <command> --help} need nothing but the grammar: they are answered here, before
     * the environment, logging or any context exists, with the text the executor prints, and the process ends with
     * status 0. This is the earliest hook that sees the arguments and that a starter can register
     * ({@code spring.factories}): a {@code BootstrapRegistryInitializer} or an {@code ApplicationStartup} never sees
     * them, and {@code SpringApplication.withHook} needs the application's own {@code main}. Other command lines,
     * including wrong ones, go on to the context, which reports them as before. A jar packaged with the starter's
     * layout ({@code dev.migrate.launch.MigrateLayoutFactory}) answers the same lines earlier, in its launcher.
     */
    @Override
    public void starting(ConfigurableBootstrapContext bootstrapContext) {
        if (!isDbCommand(args)) {
            return;
        }
        PrintStream standardOutput = helpOutput != null ? helpOutput : System.out;
        Optional<String> help = Optional.ofNullable(DbHelp.forCommandLine(args));
        if (help.isPresent()) {
            standardOutput.println(help.get());
            standardOutput.flush();
            exit.exit(DbCommandExecutor.OK);
            return;
        }
        commandOutput = standardOutput;
        System.setOut(System.err);
        // The environment is created before the one-shot settings apply, as the deduced type says: a servlet
        // environment asks JNDI for its properties (every nested jar is searched for jndi.properties), then is converted
        // to a standard one when the settings say "none". Said now, it is standard from the start.
        application.setWebApplicationType(WebApplicationType.NONE);
        // Boot warms Jackson, validation, Tomcat and conversion caches on a background thread for the application to
        // come (some 700 classes); a command uses none of them, and on a small machine that thread competes with the
        // command for the cores. Its switch, a system property, is read when the listener is constructed, before this
        // method runs: the listener is taken out of the application instead, before the first event reaches it.
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !BACKGROUND_PREINITIALIZER.equals(listener.getClass().getName())).toList());
    }

    @Override
    public void contextPrepared(ConfigurableApplicationContext context) {
        if (commandOutput != null) {
            DbCommandStreams streams = new DbCommandStreams(commandOutput, System.err);
            context.getBeanFactory().registerSingleton(DbCommandStreams.BEAN_NAME, streams);
            // Ahead of time the generated bean definitions are already registered here, with the build's conditions:
            // without a db command at build time the runner's auto-configuration is not among them.
            if (AotDetector.useGeneratedArtifacts()
                    && !context.getBeanFactory().containsBean(AheadOfTimeDbCommandLineRunner.BEAN_NAME)) {
                context.getBeanFactory().registerSingleton(AheadOfTimeDbCommandLineRunner.BEAN_NAME,
                        new AheadOfTimeDbCommandLineRunner(context, streams));
            }
        }
        // Decided here, not in environmentPrepared: only now does the environment hold the application's own
        // settings, and with them a possible migrate.command-line.minimal-context=false.
        if (OneShotAutoConfigurationFilter.isActive(context.getEnvironment())) {
            // Only the beans the command asks for (the engine, its DataSource, their dependencies) are created; JPA's
            // EntityManagerFactory too, which Spring would otherwise create early as a LoadTimeWeaverAware bean.
            context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor());
            context.getBeanFactory().registerSingleton(DeferredWeaverAwareBeans.BEAN_NAME, new DeferredWeaverAwareBeans());
            LazyTransactionAdvice transactionAdvice = new LazyTransactionAdvice(context.getBeanFactory());
            context.addBeanFactoryPostProcessor(transactionAdvice);
            context.getBeanFactory().addBeanPostProcessor(transactionAdvice);
            // The application's controllers and Shell command classes are not even defined (Boot's component scan
            // consults every TypeExcludeFilter bean, and the scan comes later, in refresh).
            context.getBeanFactory().registerSingleton(OneShotComponentFilter.BEAN_NAME, new OneShotComponentFilter());
            // @EventListener methods of the beans that are created only: Spring's processor reads every bean type's
            // methods, loading what they name, and a listener would create its lazy bean when its event comes.
            CreatedBeanEventListeners.replaceSpringsProcessor(context.getBeanFactory());
        }
    }

    @Override
    public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
        restoreStandardOutput();
    }

    @Override
    public void failed(ConfigurableApplicationContext context, Throwable exception) {
        restoreStandardOutput();
    }

    private void restoreStandardOutput() {
        if (commandOutput != null) {
            System.out.flush();
            System.setOut(commandOutput);
            commandOutput = null;
        }
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext, ConfigurableEnvironment environment) {
        if (!isDbCommand(args)) {
            return;
        }
        Map<String, Object> settings = new HashMap<>(oneShotSettings());
        settings.put(ACTIVE_PROPERTY, "true");
        environment.getPropertySources().addFirst(new MapPropertySource("migrateCommandLine", settings));
    }

    /**
     * What makes a run a quiet one-shot command: no startup upgrade, no web server, no prompt or history
     * file, no banner, warnings-only logs. Public so that an application's own one-shot commands (the
     * demo's {@code seed-db}) behave the same.
     */
    public static Map<String, Object> oneShotSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("migrate.on-startup", "none");
        settings.put("spring.main.web-application-type", "none");
        settings.put("spring.shell.interactive.enabled", "false");
        // JLine's history is saved on close into <spring.application.name>.log in the working directory,
        // even when no prompt was opened: a one-shot command must leave no file behind.
        settings.put("spring.shell.history.enabled", "false");
        settings.put("spring.main.banner-mode", "off");
        settings.put("spring.main.log-startup-info", "false");
        settings.put("logging.level.root", "WARN");
        // --debug is the command's own flag (a failure's stack trace on stderr); Boot would also read it from the
        // command line as its debug mode: DEBUG logging and the condition report, in the command's output.
        settings.put("debug", "false");
        // Shell's terminal set-up warns when there is no terminal, which a one-shot command does not need.
        settings.put("logging.level.org.jline", "ERROR");
        // JPA starts only when something the command runs asks for it (a Java migration, a callback, mapping files the
        // check cannot build without it): Hibernate must then neither validate (the database may be behind its
        // entities, which is why 'db migrate' runs) nor change the schema while a command migrates it.
        settings.put("spring.jpa.hibernate.ddl-auto", "none");
        settings.put("spring.jpa.properties.hibernate.hbm2ddl.auto", "none");
        settings.put("spring.jpa.properties.jakarta.persistence.schema-generation.database.action", "none");
        // Spring Data's repositories are created with the context by default, and with them JPA: a command creates them
        // only when something it runs (a Java migration, a callback) uses one.
        settings.put("spring.data.jpa.repositories.bootstrap-mode", "lazy");
        return settings;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
