package dev.migrate.bench;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.runtime.RunResult;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.command.CommandScope;
import liquibase.command.core.ChangelogSyncCommandStep;
import liquibase.command.core.StatusCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
 * Each tool driven the way its documentation recommends for embedding, plus the JDBC floors. All three log at
 * WARNING through java.util.logging (this project and Flyway through SLF4J's JUL binding, Liquibase natively; the
 * level is set in {@link BenchmarkMain}), so that no case times a console and none formats a message the others
 * skip: at WARNING none of them logs anything in these scenarios.
 */
final class Tools {

    /** Held strongly: java.util.logging keeps loggers weakly, a level set on a collected logger is lost. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(Level.WARNING);
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

    /** {@code upgrade("head")} on a database already at the chain's head; checked to have done nothing. */
    static RunResult migrateUpgradeAtHead(DataSource dataSource, Chain.Written chain) {
        RunResult result = migrateUpgrade(dataSource, chain.migrateDir());
        if (!result.steps().isEmpty() || !result.toHeads().equals(List.of(chain.head()))) {
            throw new IllegalStateException("not a no-op: " + result);
        }
        return result;
    }

    // ------------------------------------------------------------------ Flyway

    static Flyway flyway(DataSource dataSource, Path scripts) {
        return Flyway.configure().dataSource(dataSource).locations("filesystem:" + scripts).load();
    }

    /** {@code Flyway.configure().dataSource(ds).locations("filesystem:...").load().migrate()}. */
    static int flywayMigrate(DataSource dataSource, Path scripts) {
        return flyway(dataSource, scripts).migrate().migrationsExecuted;
    }

    /**
     * {@code info()}: resolves every migration on disk (reading each script whole for its checksum), reads the
     * schema history table and merges the two. Checked: nothing pending, {@code applied} migrations applied.
     */
    static MigrationInfoService flywayInfo(DataSource dataSource, Path scripts, int applied) {
        MigrationInfoService info = flyway(dataSource, scripts).info();
        if (info.pending().length != 0 || info.applied().length != applied) {
            throw new IllegalStateException("Flyway info: " + info.applied().length + " applied, "
                    + info.pending().length + " pending; expected " + applied + " applied");
        }
        return info;
    }

    /**
     * A database at head for Flyway without {@code migrate()} running every migration (it takes minutes for
     * 10,000 here, growing faster than the count): {@code migrate()} to version 1 creates the schema history
     * table, then rows for versions 2..N are inserted by JDBC in one transaction from Flyway's own resolved
     * migrations (version, description, type, script, checksum), as {@code migrate()} would have written them
     * (their statements are not run: {@code info()} and {@code validate()} read only the history). Checked by
     * {@code validate()}: every checksum matches.
     */
    static void flywayHistoryAtHead(DataSource dataSource, Path scripts) throws Exception {
        Flyway.configure().dataSource(dataSource).locations("filesystem:" + scripts).target("1").load().migrate();
        Flyway flyway = flyway(dataSource, scripts);
        MigrationInfo[] pending = flyway.info().pending();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO flyway_schema_history"
                    + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time,"
                    + " success) VALUES (?, ?, ?, ?, ?, ?, 'bench', 0, ?)")) {
                int rank = 2;
                for (MigrationInfo migration : pending) {
                    insert.setInt(1, rank++);
                    insert.setString(2, migration.getVersion().getVersion());
                    insert.setString(3, migration.getDescription());
                    insert.setString(4, migration.getType().name());
                    insert.setString(5, migration.getScript());
                    insert.setInt(6, migration.getChecksum());
                    insert.setBoolean(7, true);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
        flyway.validate();
    }

    // ------------------------------------------------------------------ Liquibase

    /**
     * The {@code update} command through {@link CommandScope}, as Liquibase documents for Java callers (and
     * as its Spring integration does), with the changelog read from {@code dir}.
     */
    static void liquibaseUpdate(DataSource dataSource, Path dir) throws Exception {
        liquibaseUpdate(dataSource, dir, Chain.CHANGELOG);
    }

    /** The same with the changelog at {@code changelog} under {@code dir} (its path is part of each changeset's id). */
    static void liquibaseUpdate(DataSource dataSource, Path dir, String changelog) throws Exception {
        liquibase(dataSource, dir, new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG));
    }

    /**
     * The {@code changelog-sync} command: marks every changeset as executed without running it (scenario
     * "peers-graph" prepares its 10,000-changeset databases so; the timed {@code status} reads only the history).
     */
    static void liquibaseChangelogSync(DataSource dataSource, Path dir) throws Exception {
        liquibase(dataSource, dir, new CommandScope(ChangelogSyncCommandStep.COMMAND_NAME)
                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, Chain.CHANGELOG));
    }

    /**
     * The {@code status} command (not verbose): parses the changelog, reads {@code DATABASECHANGELOG} and lists
     * the changesets not yet run. Checked: the report says the database is up to date.
     */
    static String liquibaseStatus(DataSource dataSource, Path dir) throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        liquibase(dataSource, dir, new CommandScope(StatusCommandStep.COMMAND_NAME)
                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, Chain.CHANGELOG)
                .addArgumentValue(StatusCommandStep.VERBOSE_ARG, false)
                .setOutput(report));
        String text = report.toString(StandardCharsets.UTF_8);
        if (!text.contains("is up to date")) {
            throw new IllegalStateException("Liquibase status: " + text.strip());
        }
        return text;
    }

    /** Runs {@code command} on a connection of {@code dataSource}, with the changelog files read from {@code dir}. */
    private static void liquibase(DataSource dataSource, Path dir, CommandScope command) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(dir),
                    Scope.Attr.ui.name(), new LoggerUIService());
            Scope.child(scope, () -> command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
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

    /**
     * Floor of scenario "peers-graph": read the version table, list the directory and read every script whole
     * (what a tool that checksums or parses every script at least does).
     */
    static long jdbcReadVersionAndScripts(DataSource dataSource, Path scripts) throws Exception {
        long bytes = jdbcReadVersionAndList(dataSource, scripts);
        try (Stream<Path> listing = Files.list(scripts)) {
            for (Path file : listing.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList()) {
                bytes += Files.readAllBytes(file).length;
            }
        }
        return bytes;
    }

    /** The floor plus what any graph-building loader must also do: read each script's header (8 lines). */
    static int jdbcReadVersionAndHeaders(DataSource dataSource, Path scripts) throws Exception {
        return jdbcReadVersionAndList(dataSource, scripts) + GraphScenario.readHeads(scripts);
    }
}
