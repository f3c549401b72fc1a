package dev.migrate.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line on the demo's own default: an SQLite file {@code default.db} in the working directory. */
class DbCommandLineSqliteIT extends DbCommandLineContract {

    /** Loaded by every application context Spring creates: its absence means none was started. */
    private static final String CONTEXT_CLASS = "org.springframework.beans.factory.support.DefaultListableBeanFactory ";

    private static final String SPRING_APPLICATION_CLASS = "org.springframework.boot.SpringApplication ";

    /** Spring Boot's own launcher, the Main-Class of a jar packaged without the starter's layout. */
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

    @Override
    List<String> databaseArguments() {
        return List.of();
    }

    @Override
    List<String> tables() {
        return DemoJar.sqliteTables(workingDirectory.resolve("default.db"));
    }

    /**
     * Issue 16: help needs only the grammar, so no application context is started for it. The demo is packaged with
     * the starter's layout: its jar's launcher answers before Spring Boot starts at all; the same jar run by Boot's own
     * launcher (as a jar packaged without that layout is) answers in the starter's run listener, with the same text.
     */
    @Test
    void helpIsPrintedWithoutStartingTheApplicationContext() throws IOException {
        Path helpClasses = temp.resolve("help-classes.log");
        DemoJar.Run help = withClassLog(helpClasses, "db", "current", "--help");
        assertSucceeded(help);
        assertThat(help.out()).containsExactly(
                "Usage: db current [OPTIONS]",
                "",
                "  Display the current revision of the database",
                "",
                "Options:",
                "  -v, --verbose                show all details",
                "      --fail-if-ahead          exit 1 when the database is at a revision no script defines",
                "      --database TEXT          the Migrate bean to work on (several databases)",
                "      --target TEXT            the one fleet target (schema or shard) to work on",
                "      --debug                  show the stack trace of a failure",
                "  -h, --help                   show this message");
        assertThat(Files.readString(helpClasses)).as("the jar's launcher answered")
                .contains("dev.migrate.launch.MigrateJarLauncher ")
                .doesNotContain(SPRING_APPLICATION_CLASS, CONTEXT_CLASS, "BlogApplication");
        assertThat(tables()).isEmpty();

        for (List<String> words : List.of(List.of("db", "current", "--help"), List.of("db", "--help"))) {
            Path listenerClasses = temp.resolve("listener-classes.log");
            DemoJar.Run byBoot = byMainClass(listenerClasses, BOOT_LAUNCHER, words.toArray(String[]::new));
            assertSucceeded(byBoot);
            assertThat(byBoot.out()).as("%s answered by the application", words)
                    .isEqualTo(withClassLog(temp.resolve("launcher-classes.log"), words.toArray(String[]::new)).out());
            assertThat(Files.readString(listenerClasses)).as("the listener answered")
                    .contains("dev.migrate.shell.DbCommandModeListener ")
                    .doesNotContain(CONTEXT_CLASS, "BlogApplication$$SpringCGLIB");
        }

        Path commandClasses = temp.resolve("command-classes.log");
        assertSucceeded(withClassLog(commandClasses, "db", "current"));
        assertThat(Files.readString(commandClasses)).as("a command does start a context").contains(CONTEXT_CLASS)
                .as("but no servlet environment, and no Jackson mapper's methods read for a lazy bean's event listeners")
                .doesNotContain("ApplicationServletEnvironment ", "tools.jackson.databind.DeserializationConfig ");
    }

    private DemoJar.Run withClassLog(Path log, String... arguments) {
        return byMainClass(log, null, arguments);
    }

    /** The demo's jar run as {@code java -jar}, or by the given main class on the jar as class path. */
    private DemoJar.Run byMainClass(Path log, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(DemoJar.java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Xlog:class+load=info:file=" + log));
        command.addAll(mainClass == null ? List.of("-jar", DemoJar.jar().toString())
                : List.of("-cp", DemoJar.jar().toString(), mainClass));
        command.addAll(List.of(arguments));
        return DemoJar.process(workingDirectory, command);
    }
}
