package dev.migrate.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.migrate.autoconfigure.SqliteFiles.tables;
import static dev.migrate.autoconfigure.SqliteFiles.url;
import static dev.migrate.autoconfigure.SqliteFiles.versions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A packaged application started inside a checkout: the working tree's script directory exists, with scripts of its
 * own, but the startup upgrade runs the packaged ones (migrate.locations) and says so.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupScriptSourceTest {

    private static final String PACKAGED = "0000aaaa0001";
    private static final String WORKING_TREE = "0000bbbb0002";

    @TempDir
    Path dir;

    private ApplicationContextRunner runner(Path packaged, Path workingTree) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url(dir.resolve("app.db")),
                        "migrate.locations=filesystem:" + packaged, "migrate.script-directory=" + workingTree);
    }

    @Test
    void theStartupUpgradeRunsThePackagedScriptsNotTheWorkingTreesAndLogsWhich(CapturedOutput output) throws Exception {
        Path packaged = SqliteFiles.scriptDirectory(Files.createDirectories(dir.resolve("jar")), PACKAGED,
                "CREATE TABLE packaged_table (id INTEGER);");
        Path workingTree = SqliteFiles.scriptDirectory(Files.createDirectories(dir.resolve("checkout")), WORKING_TREE,
                "CREATE TABLE working_tree_table (id INTEGER);");

        runner(packaged, workingTree).run(context -> assertThat(context).hasNotFailed());

        assertThat(tables(dir.resolve("app.db"))).contains("packaged_table").doesNotContain("working_tree_table");
        assertThat(versions(dir.resolve("app.db"))).containsExactly(PACKAGED);
        assertThat(output).contains("Startup migration reads the packaged scripts from filesystem:" + packaged
                + ", not the working tree's " + workingTree.toAbsolutePath());
    }

    @Test
    void withoutAWorkingTreeTheLogNamesThePackagedLocationsAlone(CapturedOutput output) throws Exception {
        Path packaged = SqliteFiles.scriptDirectory(Files.createDirectories(dir.resolve("jar")), PACKAGED,
                "CREATE TABLE packaged_table (id INTEGER);");

        runner(packaged, dir.resolve("no-checkout")).run(context -> assertThat(context).hasNotFailed());

        assertThat(versions(dir.resolve("app.db"))).containsExactly(PACKAGED);
        assertThat(output).contains("Startup migration reads scripts from filesystem:" + packaged)
                .doesNotContain("not the working tree's");
    }
}
