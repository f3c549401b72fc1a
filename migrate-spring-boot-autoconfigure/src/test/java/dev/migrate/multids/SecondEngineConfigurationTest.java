package dev.migrate.multids;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateConfigCustomizer;
import dev.migrate.autoconfigure.SqliteFiles;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.runtime.MigrationCallback;
import dev.migrate.runtime.MigrationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.migrate.autoconfigure.SqliteFiles.HEAD;
import static dev.migrate.autoconfigure.SqliteFiles.TEST_LOCATION;
import static dev.migrate.autoconfigure.SqliteFiles.url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Several databases" snippet for a second engine, as written there: its own locations, version table
 * and callback through the builder, and the settings it shares with the auto-configured engine through a
 * {@link MigrateConfigCustomizer} that it applies itself (as a bean, the customizer configures the auto-configured
 * engine only). The README's block is checked to be this class's code.
 */
class SecondEngineConfigurationTest {

    @TempDir
    Path dir;

    /** Stands for "refresh a materialized view": leaves a table behind in the database it ran on. */
    static final class RefreshReports implements MigrationCallback {
        @Override
        public void afterRun(MigrationEvent event) throws SQLException {
            try (Statement statement = event.connection().createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS refreshed_reports (id INTEGER)");
            }
        }
    }

    /** Stands for an audit both databases want: leaves a table behind in the database it ran on. */
    static final class AuditRuns implements MigrationCallback {
        @Override
        public void afterRun(MigrationEvent event) throws SQLException {
            try (Statement statement = event.connection().createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS audited_runs (id INTEGER)");
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReportingDatabase {

        /** Boot's "two DataSources" recipe, as the README shows it (its @ConfigurationProperties left out here: the
         *  metadata processor would write this test's metadata over the starter's on the test class path). */
        @Bean(defaultCandidate = false)
        HikariDataSource reportingDataSource(@Value("${app.reporting.datasource.jdbc-url}") String url) {
            HikariDataSource dataSource = DataSourceBuilder.create().type(HikariDataSource.class).build();
            dataSource.setJdbcUrl(url);
            return dataSource;
        }

        // README: several-databases snippet begins
        /** Settings both engines share: as a bean it configures the auto-configured engine, and reportingMigrate applies it. */
        @Bean
        MigrateConfigCustomizer auditedRuns() {
            return config -> config.callback(new AuditRuns());
        }

        @Bean(defaultCandidate = false)
        @Order(1)
        Migrate reportingMigrate(@Qualifier("reportingDataSource") DataSource reporting, MigrateConfigCustomizer auditedRuns) {
            MigrateConfig.Builder config = MigrateConfig.builder().dataSource(reporting)
                    .location("classpath:db/reporting")                          // its packaged scripts, run at startup
                    .scriptDirectory(Path.of("src/main/resources/db/reporting")) // where db revision --database reportingMigrate writes
                    .versionTable("reporting_version")
                    .callback(new RefreshReports());                             // its own hook
            auditedRuns.customize(config);                                       // and what both engines share
            return new Migrate(config.build());
        }
        // README: several-databases snippet ends
    }

    @Test
    void theSecondEngineHasItsLocationsVersionTableAndCallbacksAndTheSharedCustomizer() throws SQLException {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url(dir.resolve("app.db")),
                        "migrate.locations=" + TEST_LOCATION, "migrate.script-directory=target/no-such-directory",
                        "app.reporting.datasource.jdbc-url=" + url(dir.resolve("reporting.db")))
                .withUserConfiguration(ReportingDatabase.class)
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(SqliteFiles.tables(dir.resolve("reporting.db")))
                .contains("report", "reporting_version", "refreshed_reports", "audited_runs").doesNotContain("person");
        assertThat(column(dir.resolve("reporting.db"), "SELECT version_num FROM reporting_version")).containsExactly("cccc00000001");
        assertThat(SqliteFiles.versions(dir.resolve("app.db"))).containsExactly(HEAD);
        assertThat(SqliteFiles.tables(dir.resolve("app.db"))).as("the customizer bean configures the auto-configured engine")
                .contains("audited_runs").doesNotContain("refreshed_reports", "report");
    }

    @Test
    void theReadmeShowsThisCode() throws IOException {
        Matcher block = Pattern.compile("<!-- several-databases snippet: SecondEngineConfigurationTest -->\\s*```java\\n(.*?)```",
                Pattern.DOTALL).matcher(Files.readString(Path.of("../README.md")));
        assertThat(block.find()).as("the snippet's block in README.md").isTrue();
        String source = Files.readString(Path.of("src/test/java/dev/migrate/multids/SecondEngineConfigurationTest.java"));
        String tested = source.substring(source.indexOf("// README: several-databases snippet begins"),
                source.indexOf("// README: several-databases snippet ends"));
        List<String> testedLines = tested.lines().map(String::strip).toList();
        assertThat(block.group(1).lines().map(String::strip).filter(line -> !line.isEmpty()).toList())
                .isNotEmpty().allSatisfy(line -> assertThat(testedLines).contains(line));
    }

    private static List<String> column(Path file, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(file));
             ResultSet rows = connection.createStatement().executeQuery(query)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
