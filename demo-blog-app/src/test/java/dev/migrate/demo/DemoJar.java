package dev.migrate.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The packaged demo, run as {@code java -jar target/demo-blog-app.jar ...} in a working directory of its own. */
final class DemoJar {

    /** The demo's revisions, oldest first. */
    static final List<String> REVISIONS = List.of("9a0e4c7b1f22", "2f1c3a9b7d10", "6b7d2e91c4a3", "c41d9e0a7b58");
    static final String HEAD = "c41d9e0a7b58";
    static final List<String> UPGRADE_LINES = List.of(
            "Running upgrade  -> 9a0e4c7b1f22, DB initial migration",
            "Running upgrade 9a0e4c7b1f22 -> 2f1c3a9b7d10, add fts",
            "Running upgrade 2f1c3a9b7d10 -> 6b7d2e91c4a3, add fts related triggers",
            "Running upgrade 6b7d2e91c4a3 -> c41d9e0a7b58, adding article categories");
    static final List<String> HISTORY_LINES = List.of(
            "6b7d2e91c4a3 -> c41d9e0a7b58 (head), adding article categories",
            "2f1c3a9b7d10 -> 6b7d2e91c4a3, add fts related triggers",
            "9a0e4c7b1f22 -> 2f1c3a9b7d10, add fts",
            "<base> -> 9a0e4c7b1f22, DB initial migration");

    /** What a run printed and how it ended. */
    record Run(int exit, List<String> out, List<String> err) {

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + String.join("\n", out) + "\n--- stderr\n" + String.join("\n", err);
        }
    }

    private DemoJar() {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("demo.jar", "target/demo-blog-app.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the *IT tests run after package (mvn verify)");
        }
        return jar;
    }

    static Path demoScripts() {
        return Path.of(System.getProperty("demo.scripts", "src/main/resources/db/migrations/sqlite")).toAbsolutePath();
    }

    static Path postgresScripts() {
        return Path.of(System.getProperty("demo.postgres-scripts", "src/main/resources/db/migrations/postgresql")).toAbsolutePath();
    }

    /** {@code db/migrations} of the demo's sources: a directory of scripts per database ({@code {vendor}}). */
    static Path migrations() {
        return Path.of(System.getProperty("demo.migrations", "src/main/resources/db/migrations")).toAbsolutePath();
    }

    /** The demo module's directory. */
    static Path module() {
        return Path.of(System.getProperty("demo.module", ".")).toAbsolutePath();
    }

    static Path readme() {
        return Path.of(System.getProperty("demo.readme", "../README.md")).toAbsolutePath();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Run run(Path workingDirectory, List<String> extraArguments, String... arguments) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
        command.addAll(List.of(arguments));
        command.addAll(extraArguments);
        return process(workingDirectory, command);
    }

    /** Any command in {@code workingDirectory}, standard input empty, output collected; at most 120 s. */
    static Run process(Path workingDirectory, List<String> command) {
        return process(workingDirectory, command, java.util.Map.of());
    }

    /** As {@link #process(Path, List)}, with {@code environment} added to this process's. */
    static Run process(Path workingDirectory, List<String> command, java.util.Map<String, String> environment) {
        return process(workingDirectory, command, environment, Path.of("/dev/null"));
    }

    /** As {@link #process(Path, List, java.util.Map)}, with standard input read from {@code input}. */
    static Run process(Path workingDirectory, List<String> command, java.util.Map<String, String> environment, Path input) {
        try {
            Path out = Files.createTempFile(workingDirectory.getParent(), "out", ".txt");
            Path err = Files.createTempFile(workingDirectory.getParent(), "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
            builder.environment().putAll(environment);
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(input.toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not end within 120 s: " + command + "\n" + Files.readString(out) + Files.readString(err));
            }
            return new Run(process.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the scripts of {@code source} in {@code directory}, for commands that write scripts. */
    static Path copyOfScripts(Path source, Path directory) {
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.toList()) {
                    Files.copy(file, directory.resolve(file.getFileName()));
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> sqliteTables(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return names(connection,
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the rows {@code query} gives on {@code connection}, in their order: names of tables. */
    static List<String> names(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
