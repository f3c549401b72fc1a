package dev.migrate.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real, throwaway MariaDB server for tests, from Debian's {@code mariadb-server} package:
 * {@code mariadb-install-db} into a fresh temporary directory, then {@code mariadbd} on 127.0.0.1, a free port
 * and a socket of its own, as the current user ({@code --user=root} when root), durability off. One server per
 * JVM ({@link #shared()}, stopped by a shutdown hook); tests isolate themselves in their own database
 * ({@link #createDatabase()}). When the binaries are missing every test that asks for it fails (never skips),
 * saying what to install.
 */
public final class MariaDbServer {

    private static final Logger log = LoggerFactory.getLogger(MariaDbServer.class);

    private static final String HOST = "127.0.0.1";
    private static final String USER = "root";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLIENT_TIMEOUT = Duration.ofMinutes(2);
    static final String NOT_FOUND_MESSAGE = "MariaDB server binaries (mariadb-install-db, mariadbd) not found in "
            + "/usr/sbin, /usr/bin or PATH: install them with `apt-get install -y --no-install-recommends mariadb-server`";

    private static MariaDbServer shared;
    private static RuntimeException sharedFailure;

    private final Path baseDir;
    private final AtomicInteger databaseCounter = new AtomicInteger();
    private Process process;
    private int port;

    private MariaDbServer(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** The server shared by this JVM, started on first call; a failure to start is thrown again on every call. */
    public static synchronized MariaDbServer shared() {
        if (shared != null) {
            return shared;
        }
        if (sharedFailure != null) {
            throw new IllegalStateException(sharedFailure.getMessage(), sharedFailure);
        }
        try {
            shared = start();
            return shared;
        } catch (RuntimeException e) {
            sharedFailure = e;
            throw e;
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://" + HOST + ":" + port + "/" + database;
    }

    public String user() {
        return USER;
    }

    public int port() {
        return port;
    }

    /** A fresh, empty database ({@code t_<counter>}). */
    public String createDatabase() {
        String name = "t_" + databaseCounter.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + name + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, "");
    }

    /**
     * Feeds {@code sql} to the {@code mariadb} client on {@code database}, as {@code mariadb db < script.sql};
     * the first error stops it with a non-zero exit code.
     */
    public ProcessResult runClient(String database, String sql) {
        return runTool(List.of("mariadb", "--no-defaults", "-h", HOST, "-P", Integer.toString(port), "-u", USER, database),
                sql);
    }

    /** {@code mariadb-dump --no-data} of {@code database} without the tables named: what a user would diff. */
    public ProcessResult dumpSchema(String database, String... ignoredTables) {
        List<String> command = new ArrayList<>(List.of("mariadb-dump", "--no-defaults", "-h", HOST,
                "-P", Integer.toString(port), "-u", USER, "--no-data"));
        for (String table : ignoredTables) {
            command.add("--ignore-table=" + database + "." + table);
        }
        command.add(database);
        return runTool(command, "");
    }

    /** Runs one of MariaDB's command-line tools ({@code command.get(0)}, found as the server is) with {@code input}. */
    private ProcessResult runTool(List<String> command, String input) {
        String tool = command.get(0);
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, binary(tool).toString());
        try {
            Path in = Files.writeString(Files.createTempFile(baseDir, "in", ".sql"), input, StandardCharsets.UTF_8);
            Path out = Files.createTempFile(baseDir, "out", ".txt");
            Path err = Files.createTempFile(baseDir, "err", ".txt");
            Process process = new ProcessBuilder(resolved)
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish within " + CLIENT_TIMEOUT);
            }
            return new ProcessResult(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + tool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + tool, e);
        }
    }

    private static MariaDbServer start() {
        long startedAt = System.nanoTime();
        Path installDb = binary("mariadb-install-db");
        Path mariadbd = binary("mariadbd");
        MariaDbServer server;
        try {
            server = new MariaDbServer(Files.createTempDirectory("migrate-mariadb-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a data directory for MariaDB", e);
        }
        Path data = server.baseDir.resolve("data");
        List<String> user = isRoot() ? List.of("--user=root") : List.of();
        List<String> install = new ArrayList<>(List.of(installDb.toString(), "--no-defaults"));
        install.addAll(user);
        install.addAll(List.of("--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db"));
        run(install, server.baseDir.resolve("install.log"));
        server.port = freePort();
        List<String> command = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults"));
        command.addAll(user);
        command.addAll(List.of("--datadir=" + data, "--port=" + server.port, "--bind-address=" + HOST,
                "--socket=" + server.baseDir.resolve("mariadb.sock"), "--pid-file=" + server.baseDir.resolve("mariadb.pid"),
                "--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0", "--skip-log-bin", "--max-connections=200"));
        Path serverLog = server.baseDir.resolve("server.log");
        try {
            server.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start mariadbd", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "migrate-test-mariadb-shutdown"));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Connection ignored = server.connect("")) {
                break;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline || !server.process.isAlive()) {
                    server.stop();
                    throw new IllegalStateException("MariaDB did not start on port " + server.port + ": " + e.getMessage()
                            + "; server log " + serverLog + ":\n" + PostgresServer.tail(serverLog), e);
                }
                sleep();
            }
        }
        log.info("Started test MariaDB on {}:{} in {} ms (data {})", HOST, server.port,
                (System.nanoTime() - startedAt) / 1_000_000, data);
        return server;
    }

    private void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // The data directory is throwaway: remove it, best effort.
        try (java.util.stream.Stream<Path> paths = Files.walk(baseDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory
        }
    }

    private static void run(List<String> command, Path output) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + INSTALL_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + PostgresServer.tail(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    /** A MariaDB binary in /usr/sbin, /usr/bin or on the PATH; fails saying what to install. */
    static Path binary(String name) {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/sbin", name), Path.of("/usr/bin", name)));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, name));
                }
            }
        }
        Optional<Path> found = candidates.stream().filter(Files::isExecutable).findFirst();
        return found.orElseThrow(() -> new IllegalStateException(NOT_FOUND_MESSAGE + " (missing: " + name + ")"));
    }

    private static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free TCP port", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for MariaDB", e);
        }
    }
}
