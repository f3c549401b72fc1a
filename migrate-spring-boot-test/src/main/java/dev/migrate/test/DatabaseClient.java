package dev.migrate.test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The database's own command-line client, which runs offline SQL as a DBA would: {@code sqlite3} for SQLite,
 * {@code psql} for PostgreSQL. Found on {@code PATH} unless the test names the executable.
 */
record DatabaseClient(String program, String product, String install) {

    private static final DatabaseClient SQLITE = new DatabaseClient("sqlite3", "the SQLite shell",
            "Debian/Ubuntu: apt-get install sqlite3");
    private static final DatabaseClient POSTGRESQL = new DatabaseClient("psql", "the PostgreSQL client",
            "Debian/Ubuntu: apt-get install postgresql-client");

    /** Where the database is, as the engine's own connection says: its JDBC URL, user and current schema. */
    record Target(String jdbcUrl, String user, String schema) {
    }

    /** The outcome of a run: the client's exit status and what it wrote (standard output and error together). */
    record Outcome(int status, String output) {
    }

    static DatabaseClient forDialect(String dialect) {
        return switch (dialect) {
            case "sqlite" -> SQLITE;
            case "postgresql" -> POSTGRESQL;
            default -> throw new MigrationCheckFailure("Offline check: there is no database client for the " + dialect
                    + " dialect; it runs the offline SQL with sqlite3 (SQLite) or psql (PostgreSQL) only");
        };
    }

    /** The executable: {@code told} when the test gave one, else the first {@link #program} on {@code path}. */
    Path locate(Path told, String path) {
        if (told != null) {
            if (!Files.isRegularFile(told) || !Files.isExecutable(told)) {
                throw new MigrationCheckFailure("Offline check: the database client " + told + " given to "
                        + "databaseClient(...) is not an executable file; give the path of " + program + " ("
                        + product + ")");
            }
            return told;
        }
        List<String> directories = path == null ? List.of() : List.of(path.split(File.pathSeparator));
        Optional<Path> found = directories.stream().filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, program))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate)).findFirst();
        return found.orElseThrow(() -> new MigrationCheckFailure("Offline check needs " + program + " (" + product
                + ") to run the offline SQL, and it is not on PATH (" + (path == null ? "unset" : path) + "); install it ("
                + install + ") or tell the kit where it is with databaseClient(Path.of(\"/path/to/" + program
                + "\"))"));
    }

    /** Runs the SQL file with the client against the target database, stopping at the first error. */
    Outcome run(Path executable, Target target, String password, Path sqlFile) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        if (this == SQLITE) {
            command.addAll(List.of("-bail", sqliteFile(target.jdbcUrl())));
            builder.redirectInput(sqlFile.toFile());
        } else {
            command.addAll(List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", sqlFile.toString(), "-U", target.user(),
                    "-d", postgresUri(target.jdbcUrl())));
            if (password != null) {
                builder.environment().put("PGPASSWORD", password);
            }
            if (target.schema() != null && !"public".equals(target.schema())) {
                // the engine's connection works in this schema (currentSchema in the URL): the client must too
                builder.environment().put("PGOPTIONS", "-c search_path=" + target.schema());
            }
        }
        try {
            Path output = Files.createTempFile("migrate-offline-client", ".out");
            try {
                Process process = builder.command(command).redirectErrorStream(true).redirectOutput(output.toFile())
                        .start();
                int status = process.waitFor();
                return new Outcome(status, Files.readString(output, StandardCharsets.UTF_8).strip());
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new MigrationCheckFailure("Offline check: could not run " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationCheckFailure("Offline check: interrupted while " + program + " ran", e);
        }
    }

    /** How a reader runs the same by hand, with the SQL in {@code upgrade.sql}. */
    String reproduce(Target target) {
        return this == SQLITE ? "sqlite3 -bail " + sqliteFile(target.jdbcUrl()) + " < upgrade.sql"
                : "psql -v ON_ERROR_STOP=1 -U " + target.user() + " -d " + postgresUri(target.jdbcUrl())
                + " -f upgrade.sql";
    }

    /** {@code jdbc:sqlite:/tmp/app.db?params}: the file, which must be one (an in-memory database has none). */
    private static String sqliteFile(String jdbcUrl) {
        String file = withoutParameters(jdbcUrl.substring("jdbc:sqlite:".length()));
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isBlank() || file.contains(":memory:") || file.toLowerCase(Locale.ROOT).contains("mode=memory")) {
            throw new MigrationCheckFailure("Offline check: the SQLite database " + jdbcUrl + " is in memory, where "
                    + "sqlite3 cannot reach it; give the test a database file (jdbc:sqlite:/tmp/test.db)");
        }
        return file;
    }

    /** {@code jdbc:postgresql://host:port/db?params} as the URI psql takes; {@code jdbc:postgresql:db} means localhost. */
    private static String postgresUri(String jdbcUrl) {
        String rest = withoutParameters(jdbcUrl.substring("jdbc:postgresql:".length()));
        return rest.startsWith("//") ? "postgresql:" + rest : "postgresql://localhost/" + rest;
    }

    private static String withoutParameters(String url) {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }
}
