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

    @Override
    List<String> databaseArguments() {
        return List.of();
    }

    @Override
    List<String> tables() {
        return DemoJar.sqliteTables(workingDirectory.resolve("default.db"));
    }

    /** Issue 16: help needs only the grammar, so no application context is started for it. */
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
        assertThat(Files.readString(helpClasses)).as("the listener answered")
                .contains("dev.migrate.shell.DbCommandModeListener ")
                .doesNotContain(CONTEXT_CLASS, "BlogApplication$$SpringCGLIB");
        assertThat(tables()).isEmpty();

        Path commandClasses = temp.resolve("command-classes.log");
        assertSucceeded(withClassLog(commandClasses, "db", "current"));
        assertThat(Files.readString(commandClasses)).as("a command does start a context").contains(CONTEXT_CLASS)
                .as("but no servlet environment, and no Jackson mapper's methods read for a lazy bean's event listeners")
                .doesNotContain("ApplicationServletEnvironment ", "tools.jackson.databind.DeserializationConfig ");
    }

    private DemoJar.Run withClassLog(Path log, String... arguments) {
        List<String> command = new ArrayList<>(List.of(DemoJar.java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Xlog:class+load=info:file=" + log, "-jar", DemoJar.jar().toString()));
        command.addAll(List.of(arguments));
        return DemoJar.process(workingDirectory, command);
    }
}
