package dev.migrate.shell;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.StandardEnvironment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DbCommandModeListenerTest {

    private StandardEnvironment prepared(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        new DbCommandModeListener(new SpringApplication(), args).environmentPrepared(null, environment);
        return environment;
    }

    @Test
    void aDbCommandTurnsTheRunIntoAOneShotCommand() {
        StandardEnvironment environment = prepared("db", "current", "--spring.datasource.url=jdbc:sqlite:x.db");
        assertThat(environment.getProperty(DbCommandModeListener.ACTIVE_PROPERTY)).isEqualTo("true");
        assertThat(environment.getProperty("migrate.on-startup")).as("no startup upgrade").isEqualTo("none");
        assertThat(environment.getProperty("spring.main.web-application-type")).as("no web server").isEqualTo("none");
        assertThat(environment.getProperty("spring.shell.interactive.enabled")).as("no prompt").isEqualTo("false");
        assertThat(environment.getProperty("spring.shell.history.enabled")).as("no history file").isEqualTo("false");
        assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
        assertThat(environment.getProperty("logging.level.root")).isEqualTo("WARN");
    }

    @Test
    void otherRunsAreLeftAlone() {
        for (String[] args : List.of(new String[0], new String[] {"--server.port=0"}, new String[] {"upgrade"},
                new String[] {"--db", "upgrade"})) {
            StandardEnvironment environment = prepared(args);
            assertThat(environment.getProperty(DbCommandModeListener.ACTIVE_PROPERTY)).isNull();
            assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
        }
    }

    @Test
    void springArgumentsAreNotCommandWords() {
        assertThat(DbCommandLineParser.commandWords(new String[] {"db", "revision", "-m", "two words",
                "--spring.datasource.url=jdbc:postgresql://h/d", "--migrate.script-directory=/tmp/m", "--rev-id=abc"}))
                .containsExactly("revision", "-m", "two words", "--rev-id=abc");
    }

    /** What {@code starting} printed and the exit statuses it asked for. */
    private record Started(String out, List<Integer> exits) {
    }

    private static Started starting(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> exits = new ArrayList<>();
        PrintStream before = System.out;
        try {
            new DbCommandModeListener(new SpringApplication(), args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    exits::add).starting(null);
        } finally {
            System.setOut(before);
        }
        return new Started(out.toString(StandardCharsets.UTF_8), exits);
    }

    @Test
    void helpIsAnsweredBeforeTheContextStartsWithTheExecutorsTextAndExitZero() {
        List<List<String>> helpRequests = new ArrayList<>(List.of(List.<String>of(), List.of("--help"), List.of("-h"),
                List.of("help"), List.of("history", "-h"), List.of("revision", "-m", "two words", "--help"),
                List.of("downgrade", "-2", "--help", "--spring.datasource.url=jdbc:sqlite:x.db")));
        for (DbVerb verb : DbVerb.values()) {
            helpRequests.add(List.of(verb.verb(), "--help"));
        }
        for (List<String> words : helpRequests) {
            List<String> args = new ArrayList<>(List.of("db"));
            args.addAll(words);
            Started started = starting(args.toArray(String[]::new));

            RecordingConsole console = RecordingConsole.oneShot();
            int status = new DbCommandExecutor(null).execute(DbCommandLineParser.commandWords(args.toArray(String[]::new)),
                    console);
            assertThat(status).isZero();
            assertThat(started.out()).as("db %s", words).isEqualTo(String.join(System.lineSeparator(), console.out)
                    + System.lineSeparator());
            assertThat(started.exits()).as("db %s", words).containsExactly(0);
        }
        assertThat(starting("db", "--help").out()).isEqualTo(DbHelp.overview() + System.lineSeparator());
        assertThat(starting("db", "current", "--help").out()).isEqualTo(DbHelp.of(DbVerb.CURRENT) + System.lineSeparator());
    }

    /**
     * Boot's background preinitialization decides in its listener's constructor, before any run listener is called,
     * whether it runs (a system property): a command takes the listener out of the application instead.
     */
    @Test
    void aCommandSkipsBootsBackgroundPreinitializationOtherRunsKeepIt() {
        for (String[] args : List.of(new String[] {"--server.port=0"}, new String[] {"db", "current"})) {
            SpringApplication application = new SpringApplication(Object.class);
            assertThat(listenerClasses(application)).contains(DbCommandModeListener.BACKGROUND_PREINITIALIZER);
            PrintStream before = System.out;
            try {
                new DbCommandModeListener(application, args, null, status -> { }).starting(null);
            } finally {
                System.setOut(before);
            }
            if (DbCommandModeListener.isDbCommand(args)) {
                assertThat(listenerClasses(application)).doesNotContain(DbCommandModeListener.BACKGROUND_PREINITIALIZER)
                        .hasSize(new SpringApplication(Object.class).getListeners().size() - 1);
            } else {
                assertThat(listenerClasses(application)).contains(DbCommandModeListener.BACKGROUND_PREINITIALIZER);
            }
        }
    }

    /**
     * A web application's environment is created before the one-shot settings apply, as the deduced type says: a
     * servlet environment looks for JNDI (every nested jar asked for {@code jndi.properties}) only to be converted to a
     * standard one. A command says it is no web application when the run starts, so the environment is standard
     * from the start; other runs keep the deduced type.
     */
    @Test
    void aCommandIsNoWebApplicationFromTheStartOtherRunsKeepTheDeducedType() {
        for (String[] args : List.of(new String[] {"--server.port=0"}, new String[] {"db", "current"})) {
            SpringApplication application = new SpringApplication(Object.class);
            application.setWebApplicationType(WebApplicationType.SERVLET);
            PrintStream before = System.out;
            try {
                new DbCommandModeListener(application, args, null, status -> { }).starting(null);
            } finally {
                System.setOut(before);
            }
            assertThat(application.getWebApplicationType()).as(String.join(" ", args))
                    .isEqualTo(DbCommandModeListener.isDbCommand(args) ? WebApplicationType.NONE : WebApplicationType.SERVLET);
        }
    }

    private static List<String> listenerClasses(SpringApplication application) {
        return application.getListeners().stream().map(listener -> listener.getClass().getName()).toList();
    }

    @Test
    void commandsAndUsageErrorsStillStartTheContext() {
        for (String[] args : List.of(new String[] {"db", "current"}, new String[] {"db", "upgrade", "--frob", "--help"},
                new String[] {"db", "frob", "--help"}, new String[] {"--help"}, new String[0])) {
            Started started = starting(args);
            assertThat(started.out()).as(String.join(" ", args)).isEmpty();
            assertThat(started.exits()).as(String.join(" ", args)).isEmpty();
        }
    }
}
