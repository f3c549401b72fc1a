package dev.migrate.test;

import dev.migrate.command.Migrate;
import dev.migrate.dialect.Dialect;
import dev.migrate.runtime.RuntimeSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs offline SQL on the engine's database with the database's own client, as a DBA would run
 * {@code db upgrade --sql}'s output; for {@link MigrationChecks#assertOfflineMatchesOnline()}.
 */
final class OfflineRun {

    /** Where psql ({@code psql:/tmp/x.sql:12: ERROR}) and sqlite3 ({@code Parse error near line 12}) stopped. */
    private static final Pattern ERROR_LINE = Pattern.compile("(?:\\.sql:|line )(\\d+)");
    /** OfflineSql's header of each revision: {@code -- Running upgrade a -> b, message}. */
    private static final Pattern RUNNING = Pattern.compile("^-- Running upgrade .*-> (\\S+?),");

    private final Migrate migrate;
    private final DatabaseClient client;
    private final Path executable;
    private final String password;
    private final DatabaseClient.Target target;

    /** Finds the client first, so that a missing one fails the check before it changes the database. */
    OfflineRun(Migrate migrate, Path told, String password) {
        this.migrate = migrate;
        this.password = password;
        try (Connection connection = migrate.config().dataSource().getConnection()) {
            this.client = DatabaseClient.forDialect(Dialect.of(connection).name());
            this.target = new DatabaseClient.Target(connection.getMetaData().getURL(),
                    connection.getMetaData().getUserName(), connection.getSchema());
        } catch (SQLException e) {
            throw new MigrationCheckFailure("Offline check: could not connect to the database: " + e.getMessage(), e);
        }
        this.executable = client.locate(told, System.getenv("PATH"));
    }

    String program() {
        return client.program();
    }

    String reproduce() {
        return client.reproduce(target);
    }

    /**
     * Drops the engine's version and log tables (the offline SQL from base creates them, as on an empty database),
     * then runs {@code sql} with the client; a client that stops fails the check, naming the revision it stopped in.
     */
    void apply(String sql) {
        dropEngineTables();
        Path file = keep(sql);
        DatabaseClient.Outcome outcome = client.run(executable, target, password, file);
        if (outcome.status() != 0) {
            String revision = revisionAt(sql, outcome.output());
            throw new MigrationCheckFailure("Offline check failed" + (revision == null ? "" : " at revision " + revision)
                    + ": " + client.program() + " stopped on the offline SQL of 'db upgrade --sql' (kept in " + file
                    + "), which 'db upgrade' runs online: " + outcome.output().replace('\n', ' ') + "; reproduce on an "
                    + "empty database with 'db upgrade --sql > upgrade.sql' && '" + reproduce() + "'");
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }

    /** Writes the SQL to a temporary file that a failure names, for the reader to open. */
    Path keep(String sql) {
        try {
            Path file = Files.createTempFile("migrate-offline-upgrade", ".sql");
            Files.writeString(file, sql, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new MigrationCheckFailure("Offline check: could not write the offline SQL to a file: " + e.getMessage(),
                    e);
        }
    }

    private void dropEngineTables() {
        RuntimeSettings runtime = migrate.config().runtime();
        try (Connection connection = migrate.config().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            Dialect dialect = Dialect.of(connection);
            for (var table : List.of(runtime.versionTable(), runtime.logTable())) {
                statement.execute("DROP TABLE IF EXISTS " + table.render(dialect));
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new MigrationCheckFailure("Offline check: could not drop the version and log tables before the "
                    + "offline SQL: " + e.getMessage(), e);
        }
    }

    /** The revision whose section holds the line the client stopped at, or null when the output names no line. */
    private static String revisionAt(String sql, String output) {
        Matcher line = ERROR_LINE.matcher(output);
        if (!line.find()) {
            return null;
        }
        int stoppedAt = Integer.parseInt(line.group(1));
        String revision = null;
        List<String> lines = sql.lines().toList();
        for (int i = 0; i < Math.min(stoppedAt, lines.size()); i++) {
            Matcher running = RUNNING.matcher(lines.get(i));
            if (running.find()) {
                revision = running.group(1);
            }
        }
        return revision;
    }
}
