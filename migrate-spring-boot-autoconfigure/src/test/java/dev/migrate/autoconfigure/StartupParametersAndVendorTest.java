package dev.migrate.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.migrate.autoconfigure.SqliteFiles.tables;
import static dev.migrate.autoconfigure.SqliteFiles.url;
import static dev.migrate.autoconfigure.SqliteFiles.versions;
import static org.assertj.core.api.Assertions.assertThat;

/** The startup upgrade with migrate.parameters.* and with {vendor} in the locations and the script directory. */
class StartupParametersAndVendorTest {

    private static final String PACKAGED = "0000aaaa0001";
    private static final String WORKING_TREE = "0000bbbb0002";

    @TempDir
    Path dir;

    private ApplicationContextRunner runner(String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url(dir.resolve("app.db")))
                .withPropertyValues(properties);
    }

    @Test
    void parametersFromThePropertiesReachTheScripts() throws Exception {
        Path scripts = SqliteFiles.scriptDirectory(Files.createDirectories(dir.resolve("jar")), PACKAGED,
                "CREATE TABLE ${table} (id INTEGER);");

        runner("migrate.locations=filesystem:" + scripts, "migrate.script-directory=" + dir.resolve("none"),
                "migrate.parameters.table=from_properties").run(context -> assertThat(context).hasNotFailed());

        assertThat(tables(dir.resolve("app.db"))).contains("from_properties");
    }

    @Test
    void vendorPicksThePackagedScriptsAndTheWorkingTreeStaysUnread() throws Exception {
        SqliteFiles.scriptDirectory(Files.createDirectories(dir.resolve("jar/sqlite")), PACKAGED,
                "CREATE TABLE packaged_table (id INTEGER);");
        SqliteFiles.scriptDirectory(Files.createDirectories(dir.resolve("checkout/sqlite")), WORKING_TREE,
                "CREATE TABLE working_tree_table (id INTEGER);");

        runner("migrate.locations=filesystem:" + dir + "/jar/{vendor}/migrations",
                "migrate.script-directory=" + dir + "/checkout/{vendor}/migrations")
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(tables(dir.resolve("app.db"))).contains("packaged_table").doesNotContain("working_tree_table");
        assertThat(versions(dir.resolve("app.db"))).containsExactly(PACKAGED);
    }
}
