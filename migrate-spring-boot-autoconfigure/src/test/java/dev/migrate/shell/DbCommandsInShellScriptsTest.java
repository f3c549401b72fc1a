package dev.migrate.shell;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.SqliteFiles;
import dev.migrate.shell.app.ScriptApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.ExitCodeEvent;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.shell.core.ConsoleInputReader;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.autoconfigure.StandardCommandsAutoConfiguration;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.JLineInputReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A failed {@code db} command is a failure to Spring Shell: its {@code script} command (and a non-interactive
 * run of a script) stops there and says so, and a non-interactive run exits 1; typed at the prompt, the
 * failure is still the command's one line. Each script here upgrades to the first revision, then fails on an
 * unknown revision, then would upgrade to head.
 */
@ExtendWith(OutputCaptureExtension.class)
class DbCommandsInShellScriptsTest {

    private static final String UPGRADED = "Running upgrade  -> a1b2c3d4e5f6, create person";
    private static final String UNKNOWN = "No such revision or branch 'nosuch'; see history for the known revisions";

    @TempDir
    Path dir;

    private String databaseUrl() {
        return SqliteFiles.url(dir.resolve("app.db"));
    }

    private List<String> versions() {
        return SqliteFiles.versions(dir.resolve("app.db"));
    }

    private Path steps(String... lines) throws IOException {
        return Files.write(dir.resolve("steps.txt"), List.of(lines));
    }

    private Path failingSteps() throws IOException {
        return steps("db upgrade " + SqliteFiles.FIRST, "db upgrade nosuch", "db upgrade head");
    }

    /** The starter and Shell's standard commands (help, script, ...), as at the prompt. */
    private ApplicationContextRunner shell() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
                        MigrateShellAutoConfiguration.class, StandardCommandsAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + databaseUrl(), "migrate.on-startup=none",
                        "migrate.locations=" + SqliteFiles.TEST_LOCATION, "migrate.script-directory=target/no-such-directory")
                .withBean(CommandRegistry.class, CommandRegistry::new);
    }

    private List<String> typeAtThePrompt(String... lines) {
        List<String> screen = new ArrayList<>();
        shell().run(context -> screen.addAll(TypedPrompt.type(context.getBean(CommandParser.class),
                context.getBean(CommandRegistry.class), lines)));
        return screen;
    }

    @Test
    void typedAtThePromptAFailedDbCommandIsOneLineAndNothingMore() {
        assertThat(typeAtThePrompt("db upgrade nosuch")).containsExactly(UNKNOWN, "Exiting the shell");
    }

    @Test
    void theScriptCommandStopsAtAFailedDbCommandAndSaysWhichOne() throws IOException {
        List<String> screen = typeAtThePrompt("script --file " + failingSteps());

        assertThat(screen).containsExactly(UPGRADED, UNKNOWN,
                "Unable to run command script: 'db upgrade nosuch' failed (exit status 1)", "Exiting the shell");
        assertThat(versions()).as("the third line did not run").containsExactly(SqliteFiles.FIRST);
    }

    @Test
    void aScriptsDbLinesKeepTheirFlags() throws IOException {
        List<String> screen = typeAtThePrompt("script --file " + steps("db upgrade head --sql"));

        assertThat(screen).contains("CREATE TABLE person (");
        assertThat(SqliteFiles.tables(dir.resolve("app.db"))).as("--sql only prints").isEmpty();
    }

    @Test
    void aScriptsDowngradeDoesNotAskAsNobodyCanAnswerThere() throws IOException {
        List<String> screen = typeAtThePrompt("script --file " + steps("db upgrade head", "db downgrade base"));

        assertThat(screen).noneMatch(line -> line.contains("[y/N]") || line.startsWith("Aborted"));
        assertThat(versions()).isEmpty();
    }

    @Test
    void aPersonIsAtThePromptsOfJLineAndTheSystemConsoleButNotInAScript() {
        assertThat(DbShellCommand.someoneAnswers(new JLineInputReader(null))).isTrue();
        assertThat(DbShellCommand.someoneAnswers(new ConsoleInputReader(null))).isTrue();
        // what Shell's NonInteractiveShellRunner gives the commands of a script
        assertThat(DbShellCommand.someoneAnswers(new InputReader() { })).isFalse();
    }

    /** {@code java -Dspring.shell.interactive.enabled=false -jar app.jar script --file steps.txt}, or {@code @steps.txt}. */
    @ParameterizedTest
    @ValueSource(strings = {"script --file ", "@"})
    void aNonInteractiveRunOfAScriptStopsAtAFailedDbCommandAndExitsOne(String runScript, CapturedOutput output)
            throws IOException {
        List<Integer> exitCodes = new ArrayList<>();
        SpringApplication application = new SpringApplication(ScriptApplication.class);
        application.setDefaultProperties(Map.of("spring.boot.enableautoconfiguration", "false",
                "spring.main.web-application-type", "none", "spring.main.banner-mode", "off",
                "spring.shell.interactive.enabled", "false", "spring.shell.history.enabled", "false",
                "spring.datasource.url", databaseUrl(), "migrate.on-startup", "none",
                "migrate.locations", SqliteFiles.TEST_LOCATION, "migrate.script-directory", "target/no-such-directory"));
        application.addListeners((ApplicationListener<ExitCodeEvent>) event -> exitCodes.add(event.getExitCode()));
        String[] arguments = (runScript + failingSteps()).split(" ");

        assertThatThrownBy(() -> application.run(arguments)).hasRootCauseInstanceOf(DbCommandFailedException.class);

        assertThat(exitCodes).containsExactly(1);
        assertThat(output.getOut().lines()).containsSubsequence(UPGRADED, UNKNOWN).containsOnlyOnce(UNKNOWN);
        assertThat(output.getAll()).as("the command's line says what failed; no stack trace")
                .doesNotContain("Application run failed", "at dev.migrate");
        assertThat(versions()).as("the third line did not run").containsExactly(SqliteFiles.FIRST);
    }
}
