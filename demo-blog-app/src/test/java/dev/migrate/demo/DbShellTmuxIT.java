package dev.migrate.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static dev.migrate.demo.DemoJar.HISTORY_LINES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interactive shell in a real terminal: the packaged jar runs inside a detached tmux session (its own
 * tmux server socket, 200x50), keys are typed with {@code send-keys} and the screen read with
 * {@code capture-pane}, each wait bounded.
 */
class DbShellTmuxIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration COMMAND = Duration.ofSeconds(30);
    private static final String PROMPT = "shell:>";

    @TempDir
    Path workingDirectory;

    private final String socket = "migrate-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final String session = "demo";

    @BeforeEach
    void startShell() {
        // a fresh database, not migrated at startup, so that db upgrade has work to do
        String command = String.join(" ", DemoJar.java(), "-XX:TieredStopAtLevel=1", "-jar", DemoJar.jar().toString(),
                "--migrate.on-startup=none");
        tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50", "-c", workingDirectory.toString(), command);
        waitFor(screen -> screen.contains(PROMPT), STARTUP);
    }

    @AfterEach
    void stopShell() throws Exception {
        // the shell's JVM ends after the server is killed, still closing its context and database files in the
        // working directory: waited for, so that the temporary directory is not deleted under it
        List<ProcessHandle> shell = new ArrayList<>();
        ProcessHandle.of(Long.parseLong(tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip()))
                .ifPresent(pane -> {
                    shell.add(pane);
                    pane.descendants().forEach(shell::add);
                });
        tmux("kill-server");
        for (ProcessHandle process : shell) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void upgradeThenHistoryShowTheirOutput() {
        type("db upgrade");
        String screen = waitFor(text -> text.contains("adding article categories\n" + PROMPT), COMMAND);
        assertThat(screen).contains(String.join("\n", DemoJar.UPGRADE_LINES));
        assertThat(screen.substring(screen.indexOf(PROMPT + "db upgrade"))).as("no duplicate INFO log lines at the prompt")
                .doesNotContain("INFO", "MigrationRunner", "HikariPool");

        type("db history");
        screen = waitFor(text -> text.contains("DB initial migration\n" + PROMPT), COMMAND);
        assertThat(screen).contains("db history\n" + String.join("\n", HISTORY_LINES) + "\n" + PROMPT);
    }

    @Test
    void tabCompletesARevisionIdPrefix() {
        keys("db upgrade 9a");
        keys("Tab");
        waitFor(screen -> screen.contains(PROMPT + "db upgrade 9a0e4c7b1f22"), COMMAND);
        keys("Enter");
        String screen = waitFor(text -> text.contains("DB initial migration\n" + PROMPT), COMMAND);
        assertThat(screen).contains("Running upgrade  -> 9a0e4c7b1f22, DB initial migration");
        assertThat(screen).doesNotContain("add fts");
    }

    @Test
    void aDowngradeThatDropsTablesAsksFirst() {
        type("db upgrade");
        waitFor(text -> text.contains("adding article categories\n" + PROMPT), COMMAND);
        type("db downgrade base");
        waitFor(text -> text.contains("Continue? [y/N]"), COMMAND);
        type("n");
        String screen = waitFor(text -> text.contains("Aborted: nothing was downgraded.\n" + PROMPT), COMMAND);
        assertThat(screen).contains("This downgrade drops tables article_categories, category, article_search, article "
                + "and the data in them. Continue? [y/N] n");
        assertThat(screen).doesNotContain("Error while executing command");

        type("db downgrade -1 --yes");
        screen = waitFor(text -> text.contains("Running downgrade c41d9e0a7b58 -> 6b7d2e91c4a3"), COMMAND);
        assertThat(screen).doesNotContain("drops tables article_categories, category and");

        type("db upgrade nosuch");
        screen = waitFor(text -> text.contains("'nosuch'") && text.endsWith(PROMPT), COMMAND);
        assertThat(screen).doesNotContain("Exception", "Error while executing command");
    }

    // ------------------------------------------------------------------ tmux

    private void type(String line) {
        keys("-l", line);
        keys("Enter");
    }

    private void keys(String... keys) {
        List<String> arguments = new ArrayList<>(List.of("send-keys", "-t", session));
        arguments.addAll(List.of(keys));
        tmux(arguments.toArray(String[]::new));
    }

    private String screen() {
        return tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", session).strip();
    }

    private String waitFor(Predicate<String> condition, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        String screen = screen();
        while (!condition.test(screen)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s; the screen:\n" + screen);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            screen = screen();
        }
        return screen;
    }

    private String tmux(String... arguments) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("tmux did not answer: " + command);
            }
            if (process.exitValue() != 0 && !arguments[0].equals("kill-server")) {
                throw new AssertionError("tmux failed (" + process.exitValue() + "): " + command + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("tmux is needed for the interactive tests (.ci/run installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
