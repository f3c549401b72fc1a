package dev.migrate.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A start-up that the engine stops ends with Boot's "APPLICATION FAILED TO START" report (what failed, where,
 * what to do), not with a stack trace: a failing revision, and a malformed engine table name.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {

    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class})
    static class App {
    }

    private Throwable start(String... args) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return catchThrowable(() -> application.run(args).close());
    }

    private static String report(CapturedOutput output) {
        String all = output.getAll();
        int start = all.indexOf("APPLICATION FAILED TO START");
        assertThat(start).as("Boot's failure report in:\n" + all).isNotNegative();
        return all.substring(start);
    }

    @Test
    void aFailingRevisionIsReportedWithRevisionFileLineAndTheDatabasesMessage(CapturedOutput output) {
        Path scripts = SqliteFiles.scriptDirectory(dir, "0badc0ffee00",
                "CREATE TABLE kept (id INTEGER);\nINSERT INTO missing_table VALUES (1);");
        Throwable failure = start("--spring.datasource.url=" + SqliteFiles.url(dir.resolve("app.db")),
                "--migrate.locations=filesystem:" + scripts);

        assertThat(failure).isNotNull();
        String report = report(output);
        assertThat(report).contains("Description:", "Action:", "0badc0ffee00",
                scripts.resolve("0badc0ffee00_only.sql") + ":11", "no such table: missing_table",
                "Fix the statement at " + scripts.resolve("0badc0ffee00_only.sql") + ":11");
        assertThat(report.substring(report.indexOf("Description:"), report.indexOf("Action:")))
                .contains("Database:").doesNotContain("Fix the");
        assertThat(output.getAll()).doesNotContain("\tat ", "Application run failed");
        assertThat(SqliteFiles.tables(dir.resolve("app.db"))).doesNotContain("kept");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class})
    static class AppWithFailingCallback {
        @org.springframework.context.annotation.Bean
        MigrateHooksTest.Grants grants() {
            return new MigrateHooksTest.Grants();
        }
    }

    @Test
    void aFailingCallbackIsReportedAsTheCallbacksNotTheScripts(CapturedOutput output) {
        SpringApplication application = new SpringApplication(AppWithFailingCallback.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        Throwable failure = catchThrowable(() -> application.run("--spring.datasource.url="
                + SqliteFiles.url(dir.resolve("app.db")), "--migrate.locations=" + SqliteFiles.TEST_LOCATION,
                "--migrate.script-directory=target/no-such-directory").close());

        assertThat(failure).isNotNull();
        String report = report(output);
        assertThat(report).contains("Description:", SqliteFiles.HEAD, "Callback: " + MigrateHooksTest.Grants.class.getName()
                        + " (afterRevision)", "role app_reader does not exist",
                "Fix the callback " + MigrateHooksTest.Grants.class.getName())
                .doesNotContain("Fix the statement");
        assertThat(output.getAll()).doesNotContain("\tat ", "Application run failed");
    }

    /** The application's database and a reporting database on another engine, whose script fails. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class})
    static class AppWithReportingDatabase {

        @org.springframework.context.annotation.Bean(defaultCandidate = false)
        dev.migrate.command.Migrate reportingMigrate(@org.springframework.beans.factory.annotation.Value("${test.reporting-url}") String url,
                                                     @org.springframework.beans.factory.annotation.Value("${test.reporting-scripts}") Path scripts) {
            return new dev.migrate.command.Migrate(dev.migrate.command.MigrateConfig.builder()
                    .dataSource(new org.springframework.jdbc.datasource.DriverManagerDataSource(url))
                    .location("filesystem:" + scripts).scriptDirectory(Path.of("target/no-such-directory")).build());
        }
    }

    private String reportOfAFailingReportingDatabase(String reportingUrl, CapturedOutput output) {
        Path scripts = SqliteFiles.scriptDirectory(dir.resolve("reporting"), "0badc0ffee00",
                "CREATE TABLE kept (id INTEGER);\nINSERT INTO missing_table VALUES (1);");
        SpringApplication application = new SpringApplication(AppWithReportingDatabase.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        Throwable failure = catchThrowable(() -> application.run("--spring.datasource.url=" + SqliteFiles.url(dir.resolve("app.db")),
                "--migrate.locations=" + SqliteFiles.TEST_LOCATION, "--migrate.script-directory=target/no-such-directory",
                "--test.reporting-url=" + reportingUrl, "--test.reporting-scripts=" + scripts).close());
        assertThat(failure).isNotNull();
        String report = report(output);
        String where = scripts.resolve("0badc0ffee00_only.sql") + ":11";
        assertThat(report).contains("Description:", "Action:", "0badc0ffee00", where, "Fix the statement at " + where,
                "db current --database reportingMigrate", "db upgrade --database reportingMigrate");
        assertThat(report.substring(report.indexOf("Description:"), report.indexOf("Action:")))
                .contains("Engine:   reportingMigrate (", "missing_table");
        assertThat(output.getAll()).doesNotContain("\tat ", "Application run failed");
        return report;
    }

    @Test
    void aFailingRevisionOfAnotherDatabaseNamesItsEngineAndUrlAndTheCommandForIt(CapturedOutput output) {
        String reportingUrl = SqliteFiles.url(dir.resolve("reporting.db"));
        String report = reportOfAFailingReportingDatabase(reportingUrl, output);
        assertThat(report).contains("Engine:   reportingMigrate (" + reportingUrl + ")", "no such table: missing_table");
    }

    @Test
    @dev.migrate.testsupport.PostgresTest
    void onPostgresTheUrlIsShownWithoutItsPassword(dev.migrate.testsupport.PostgresServer postgres, CapturedOutput output) {
        String database = postgres.createDatabase();
        String plain = postgres.jdbcUrl(database) + "?user=" + postgres.user();
        String report = reportOfAFailingReportingDatabase(plain + "&password=s3cr3t-pw", output);
        assertThat(report).contains("Engine:   reportingMigrate (" + plain + ")", "relation \"missing_table\" does not exist")
                .doesNotContain("s3cr3t-pw");
    }

    @Test
    @dev.migrate.testsupport.PostgresTest
    void anotherDatabaseThatCannotBeReachedIsNamedWithItsUrlAndTheCommandsForIt(dev.migrate.testsupport.PostgresServer postgres,
                                                                                CapturedOutput output) {
        String plain = postgres.jdbcUrl("no_such_database") + "?user=" + postgres.user();
        Path scripts = SqliteFiles.scriptDirectory(dir.resolve("reporting"), "0badc0ffee00", "CREATE TABLE kept (id INTEGER);");
        SpringApplication application = new SpringApplication(AppWithReportingDatabase.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        Throwable failure = catchThrowable(() -> application.run("--spring.datasource.url=" + SqliteFiles.url(dir.resolve("app.db")),
                "--migrate.locations=" + SqliteFiles.TEST_LOCATION, "--migrate.script-directory=target/no-such-directory",
                "--test.reporting-url=" + plain + "&password=s3cr3t-pw", "--test.reporting-scripts=" + scripts).close());

        assertThat(failure).isNotNull();
        String report = report(output);
        assertThat(report.substring(report.indexOf("Description:"), report.indexOf("Action:")))
                .contains("reportingMigrate", "no_such_database", "Engine:   reportingMigrate (" + plain + ")");
        assertThat(report).contains("db current --database reportingMigrate").doesNotContain("s3cr3t-pw");
        assertThat(output.getAll()).doesNotContain("\tat ", "Application run failed");
    }

    @Test
    void anyOtherRefusalOfTheEngineIsItsOneLineAndWhatToDo(CapturedOutput output) {
        Throwable failure = start("--spring.datasource.url=" + SqliteFiles.url(dir.resolve("app.db")),
                "--migrate.locations=" + SqliteFiles.TEST_LOCATION, "--migrate.script-directory=target/no-such-directory",
                "--migrate.on-startup=validate");

        assertThat(failure).isNotNull();
        String report = report(output);
        assertThat(report).contains("Description:", "migrate.on-startup=validate: the database is at base",
                "Action:", "set migrate.on-startup=none");
        assertThat(output.getAll()).doesNotContain("\tat ", "Application run failed");
    }

    @Test
    void aMalformedVersionTableNameIsReportedWithThePropertyAndTheRule(CapturedOutput output) {
        Throwable failure = start("--spring.datasource.url=" + SqliteFiles.url(dir.resolve("app.db")),
                "--migrate.locations=" + SqliteFiles.TEST_LOCATION, "--migrate.script-directory=target/no-such-directory",
                "--migrate.version-table=my versions");

        assertThat(failure).isNotNull();
        String report = report(output);
        assertThat(report).contains("migrate.version-table", "my versions",
                "Invalid version table name \"my versions\": use [schema.]name, each part a letter or _ followed by "
                        + "letters, digits, _ or $, at most 63 characters");
        assertThat(output.getAll()).doesNotContain("\tat ");
        assertThat(SqliteFiles.tables(dir.resolve("app.db"))).isEmpty();
    }

    @Test
    void anEmptyLogTableNameIsReportedWithTheProperty(CapturedOutput output) {
        Throwable failure = start("--spring.datasource.url=" + SqliteFiles.url(dir.resolve("app.db")),
                "--migrate.locations=" + SqliteFiles.TEST_LOCATION, "--migrate.script-directory=target/no-such-directory",
                "--migrate.log-table=");

        assertThat(failure).isNotNull();
        assertThat(report(output)).contains("migrate.log-table", "Invalid log table name \"\": use [schema.]name");
        assertThat(output.getAll()).doesNotContain("\tat ");
    }
}
