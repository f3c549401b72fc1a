package dev.migrate.demo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.migrate.demo.DemoJar.HEAD;
import static dev.migrate.demo.DemoJar.HISTORY_LINES;
import static dev.migrate.demo.DemoJar.UPGRADE_LINES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar target/demo-blog-app.jar db ...} as a user runs it: the packaged jar, a process of its
 * own, a working directory of its own, a fresh database per test. Subclasses say which database.
 */
abstract class DbCommandLineContract {

    @TempDir
    Path temp;

    Path workingDirectory;

    private Path scriptDirectory;

    @BeforeEach
    void createWorkingDirectory() throws IOException {
        workingDirectory = Files.createDirectories(temp.resolve("work"));
        if (scriptSource() != null) {
            scriptDirectory = DemoJar.copyOfScripts(scriptSource(), temp.resolve("db-scripts"));
        }
    }

    /**
     * The scripts to run instead of the packaged ones (given as {@code --migrate.script-directory}), for a
     * database the demo's own scripts do not run on; null for the jar's {@code classpath:db/migrations/{vendor}}.
     */
    Path scriptSource() {
        return null;
    }

    /** The {@code --spring.datasource...} arguments of this test's fresh database. */
    abstract List<String> databaseArguments();

    /** The tables of this test's database. */
    abstract List<String> tables();

    DemoJar.Run db(String... words) {
        return db(List.of(), words);
    }

    DemoJar.Run db(List<String> extra, String... words) {
        List<String> arguments = new ArrayList<>(List.of("db"));
        arguments.addAll(List.of(words));
        List<String> extras = new ArrayList<>(databaseArguments());
        if (scriptDirectory != null && extra.stream().noneMatch(word -> word.startsWith("--migrate.script-directory="))) {
            extras.add("--migrate.script-directory=" + scriptDirectory);
        }
        extras.addAll(extra);
        return DemoJar.run(workingDirectory, extras, arguments.toArray(String[]::new));
    }

    static void assertSucceeded(DemoJar.Run run) {
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
    }

    @Test
    void upgradeCurrentHistoryPrintOnlyTheirOutput() {
        DemoJar.Run upgrade = db("upgrade");
        assertSucceeded(upgrade);
        assertThat(upgrade.out()).as("stdout holds the command's output only: no banner, no log lines").isEqualTo(UPGRADE_LINES);
        assertThat(tables()).contains("article", "category", "alembic_version");

        DemoJar.Run current = db("current");
        assertSucceeded(current);
        assertThat(current.out()).containsExactly(HEAD + " (head)");

        DemoJar.Run history = db("history");
        assertSucceeded(history);
        assertThat(history.out()).isEqualTo(HISTORY_LINES);

        DemoJar.Run verbose = db("current", "-v");
        assertSucceeded(verbose);
        assertThat(verbose.out()).contains("Rev: " + HEAD + " (head)", "Parent: 6b7d2e91c4a3");
    }

    @Test
    void downgradeMinusOneAndMinusTwoAreRevisionsAndNobodyIsAsked() {
        assertSucceeded(db("upgrade"));
        DemoJar.Run one = db("downgrade", "-1");
        assertSucceeded(one);
        assertThat(one.out()).containsExactly("Running downgrade c41d9e0a7b58 -> 6b7d2e91c4a3, adding article categories");
        assertThat(tables()).doesNotContain("category");

        DemoJar.Run two = db("downgrade", "-2");
        assertSucceeded(two);
        assertThat(two.out()).containsExactly(
                "Running downgrade 6b7d2e91c4a3 -> 2f1c3a9b7d10, add fts related triggers",
                "Running downgrade 2f1c3a9b7d10 -> 9a0e4c7b1f22, add fts");
        assertThat(db("current").out()).containsExactly("9a0e4c7b1f22");

        // drops the article table: the prompt would ask, the command line proceeds as Alembic does
        DemoJar.Run base = db("downgrade", "base");
        assertSucceeded(base);
        assertThat(base.out()).containsExactly("Running downgrade 9a0e4c7b1f22 -> , DB initial migration");
        assertThat(tables()).doesNotContain("article");
    }

    @Test
    void initThenRevisionWithATwoWordMessage() throws IOException {
        Path scripts = temp.resolve("migrations");
        List<String> scriptDirectory = List.of("--migrate.script-directory=" + scripts);
        DemoJar.Run init = db(scriptDirectory, "init");
        assertSucceeded(init);
        assertThat(init.out()).first().isEqualTo("Creating directory " + scripts + " ...  done");
        assertThat(scripts.resolve("script.sql.tmpl")).exists();
        DemoJar.copyOfScripts(scriptSource() != null ? scriptSource() : DemoJar.demoScripts(), scripts);

        DemoJar.Run revision = db(scriptDirectory, "revision", "-m", "two words");
        assertSucceeded(revision);
        Path written;
        try (Stream<Path> files = Files.list(scripts)) {
            written = files.filter(file -> file.getFileName().toString().endsWith("_two_words.sql")).findFirst().orElseThrow();
        }
        String id = written.getFileName().toString().replace("_two_words.sql", "");
        assertThat(revision.out()).containsExactly("Generating " + written + " ...  done");
        assertThat(Files.readString(written)).startsWith("-- two words\n")
                .contains("-- Revision ID: " + id + "\n", "-- Revises: " + HEAD + "\n");

        DemoJar.Run upgrade = db(scriptDirectory, "upgrade");
        assertSucceeded(upgrade);
        assertThat(upgrade.out()).hasSize(5).last().isEqualTo("Running upgrade " + HEAD + " -> " + id + ", two words");
    }

    @Test
    void aFailingCommandExitsOneWithOneLineAndNoStackTrace() {
        DemoJar.Run run = db("upgrade", "nosuch");
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).as(run.toString()).isEmpty();
        assertThat(run.err()).as(run.toString()).singleElement().asString().contains("nosuch")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void anUnknownCommandExitsTwo() {
        DemoJar.Run run = db("frob");
        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).singleElement().asString().startsWith("Unknown command 'db frob'; commands: init, revision");
        DemoJar.Run option = db("upgrade", "--frob");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).containsExactly("db upgrade: unknown option '--frob'; see db upgrade --help");
    }

    @Test
    void helpExitsZero() {
        DemoJar.Run overview = db("--help");
        assertSucceeded(overview);
        assertThat(overview.out()).first().isEqualTo("Usage: db <command> [OPTIONS] [ARGUMENTS]");
        assertThat(overview.out()).anySatisfy(line -> assertThat(line).contains("upgrade").contains("Upgrade to a later revision"));

        DemoJar.Run upgrade = db("upgrade", "--help");
        assertSucceeded(upgrade);
        assertThat(upgrade.out()).first().isEqualTo("Usage: db upgrade [OPTIONS] [REVISION]");
    }

    @Test
    void commandModeRunsNoStartupUpgradeNoPromptAndLeavesNoFilesBehind() throws IOException {
        DemoJar.Run current = db("current");
        assertSucceeded(current);
        assertThat(current.out()).as("a fresh database is at no revision").isEmpty();
        assertThat(tables()).as("the startup upgrade did not run").doesNotContain("article", "category");
        String everything = String.join("\n", current.out()) + String.join("\n", current.err());
        assertThat(everything).doesNotContain("Tomcat", "Netty", "Jetty", "shell:>", "Started BlogApplication");
        try (Stream<Path> files = Files.list(workingDirectory)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no JLine history file: no prompt was opened").allMatch(name -> name.startsWith("default.db"));
        }
    }

    @Test
    void stampSetsTheVersionWithoutRunningScripts() {
        DemoJar.Run stamp = db("stamp", "head");
        assertSucceeded(stamp);
        assertThat(stamp.out()).containsExactly("Running stamp_revision  -> " + HEAD);
        assertThat(tables()).doesNotContain("article");
        assertThat(db("current").out()).containsExactly(HEAD + " (head)");
    }
}
