package dev.migrate.bench;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.runtime.RunResult;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Each tool driven the way its documentation recommends for embedding, plus the JDBC floors. Logging of
 * all three goes nowhere (SLF4J NOP for this project and Flyway; Liquibase's java.util.logging is switched
 * off and its console UI routed to its logger), so that no case times a console.
 */
final class Tools {

    /** Held strongly: java.util.logging keeps loggers weakly, a level set on a collected logger is lost. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(Level.OFF);
        // no anonymous usage analytics calls from inside a timed case
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
    }

    private Tools() {
    }

    // ------------------------------------------------------------------ this project

    static Migrate migrate(DataSource dataSource, Path scripts) {
        return new Migrate(MigrateConfig.builder().dataSource(dataSource).scriptDirectory(scripts).build());
    }

    /** {@code new Migrate(config).upgrade("head")}: what the starter does at startup. */
    static RunResult migrateUpgrade(DataSource dataSource, Path scripts) {
        return migrate(dataSource, scripts).upgrade("head");
    }

    // ------------------------------------------------------------------ Flyway

    static Flyway flyway(DataSource dataSource, Path scripts) {
        return Flyway.configure().dataSource(dataSource).locations("filesystem:" + scripts).load();
    }

    /** {@code Flyway.configure().dataSource(ds).locations("filesystem:...").load().migrate()}. */
    static int flywayMigrate(DataSource dataSource, Path scripts) {
        return flyway(dataSource, scripts).migrate().migrationsExecuted;
    }

    // ------------------------------------------------------------------ Liquibase

    /**
     * The {@code update} command through {@link CommandScope}, as Liquibase documents for Java callers (and
     * as its Spring integration does), with the changelog read from {@code dir}.
     */
    static void liquibaseUpdate(DataSource dataSource, Path dir) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(dir),
                    Scope.Attr.ui.name(), new LoggerUIService());
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, Chain.CHANGELOG)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .execute());
        }
    }

    // ------------------------------------------------------------------ floors

    /** Apply floor: version table, then per revision BEGIN, its statements, one UPDATE, COMMIT. */
    static void jdbcApply(DataSource dataSource, Chain.Written chain) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
                        + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
                ddl.execute("INSERT INTO alembic_version (version_num) VALUES ('base')");
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 PreparedStatement update = connection.prepareStatement("UPDATE alembic_version SET version_num = ?")) {
                for (int i = 0; i < chain.size(); i++) {
                    for (String sql : chain.revisions().get(i)) {
                        statement.execute(sql);
                    }
                    update.setString(1, chain.ids().get(i));
                    update.executeUpdate();
                    connection.commit();
                }
            }
        }
    }

    /** No-op floor: read the version table and list the script directory. */
    static int jdbcReadVersionAndList(DataSource dataSource, Path scripts) throws Exception {
        String head = null;
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version_num FROM alembic_version")) {
            while (rows.next()) {
                head = rows.getString(1);
            }
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(scripts)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        return files.size() + (head == null ? 0 : 1);
    }

    /** The floor plus what any graph-building loader must also do: read each script's header (8 lines). */
    static int jdbcReadVersionAndHeaders(DataSource dataSource, Path scripts) throws Exception {
        return jdbcReadVersionAndList(dataSource, scripts) + GraphScenario.readHeads(scripts);
    }
}
