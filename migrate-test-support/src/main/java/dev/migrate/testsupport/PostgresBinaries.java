package dev.migrate.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Finds the PostgreSQL server binaries ({@code initdb}, {@code pg_ctl}) and the {@code psql} client. */
final class PostgresBinaries {

    /** System property, then environment variable, naming a bin directory to use instead of searching. */
    static final String BINDIR_PROPERTY = "migrate.test.postgres.bindir";
    static final String BINDIR_ENV = "MIGRATE_TEST_POSTGRES_BINDIR";

    static final String NOT_FOUND_MESSAGE = "PostgreSQL server binaries (initdb, pg_ctl) not found in "
            + "/usr/lib/postgresql/*/bin, `pg_config --bindir` or PATH: install them with "
            + "`apt-get install -y postgresql` (or point -D" + BINDIR_PROPERTY + " / " + BINDIR_ENV
            + " at a bin directory)";

    private PostgresBinaries() {
    }

    /** @return the bin directory holding {@code initdb} and {@code pg_ctl} */
    static Path findBinDir() {
        String configured = System.getProperty(BINDIR_PROPERTY, System.getenv(BINDIR_ENV));
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            if (!isServerBinDir(dir)) {
                throw new PostgresUnavailableException(
                        "No initdb and pg_ctl in " + dir + " (set by " + BINDIR_PROPERTY + " / " + BINDIR_ENV + ")");
            }
            return dir;
        }
        return debianBinDirs().stream().filter(PostgresBinaries::isServerBinDir).findFirst()
                .or(PostgresBinaries::pgConfigBinDir)
                .or(() -> onPath("initdb").map(PostgresBinaries::realParent).filter(PostgresBinaries::isServerBinDir))
                .orElseThrow(() -> new PostgresUnavailableException(NOT_FOUND_MESSAGE));
    }

    /** @return the psql client: next to the server binaries, else /usr/bin/psql, else on PATH */
    static Path findPsql(Path binDir) {
        Path local = binDir.resolve("psql");
        if (Files.isExecutable(local)) {
            return local;
        }
        Path usrBin = Path.of("/usr/bin/psql");
        if (Files.isExecutable(usrBin)) {
            return usrBin;
        }
        return onPath("psql").orElseThrow(() -> new PostgresUnavailableException(
                "psql client not found in " + binDir + ", /usr/bin or PATH: install it with "
                        + "`apt-get install -y postgresql-client`"));
    }

    /** /usr/lib/postgresql/NN/bin directories, highest major version first. */
    private static List<Path> debianBinDirs() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .sorted(Comparator.comparingDouble((Path p) -> Double.parseDouble(p.getFileName().toString()))
                            .reversed())
                    .map(p -> p.resolve("bin"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<Path> pgConfigBinDir() {
        Optional<Path> pgConfig = onPath("pg_config");
        if (pgConfig.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(pgConfig.get().toString(), "--bindir")
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0 || out.isEmpty()) {
                process.destroyForcibly();
                return Optional.empty();
            }
            Path dir = Path.of(out);
            return isServerBinDir(dir) ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, name));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Follows symlinks such as /usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb. */
    private static Path realParent(Path file) {
        try {
            return file.toRealPath().getParent();
        } catch (IOException e) {
            return file.getParent();
        }
    }

    private static boolean isServerBinDir(Path dir) {
        return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"));
    }
}
