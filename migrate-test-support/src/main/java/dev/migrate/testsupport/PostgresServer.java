package dev.migrate.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, throwaway PostgreSQL server for tests: {@code initdb} into a fresh temporary directory,
 * started with {@code pg_ctl} on 127.0.0.1 and a free port, trust authentication, durability off.
 * One server is shared by the whole JVM ({@link #shared()}); tests isolate themselves by working in
 * their own database ({@link #createDatabase()}).
 *
 * <p>As root, {@code initdb} and {@code pg_ctl} run through {@code runuser -u postgres --} (initdb
 * refuses to run as root) with the data directory under {@code /tmp}, owned by {@code postgres}.
 *
 * <p>In JUnit tests get it through {@link PostgresTest} / {@link PostgresExtension} as a parameter.
 * {@link #shared()} is for places that cannot take parameters, such as Spring's
 * {@code @DynamicPropertySource} methods.
 */
public final class PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private static final String HOST = "127.0.0.1";
    private static final String USER = "postgres";
    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PSQL_TIMEOUT = Duration.ofMinutes(2);
    private static final int START_ATTEMPTS = 3;
    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private static PostgresServer shared;
    private static PostgresUnavailableException sharedFailure;

    private final Path binDir;
    private final Path baseDir;
    private final Path dataDir;
    private final Path logFile;
    private final boolean asRoot;
    private final AtomicInteger databaseCounter = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private int port;
    private String version;
    private Thread shutdownHook;

    private PostgresServer(Path binDir, Path baseDir, boolean asRoot) {
        this.binDir = binDir;
        this.baseDir = baseDir;
        this.dataDir = baseDir.resolve("data");
        this.logFile = baseDir.resolve("server.log");
        this.asRoot = asRoot;
    }

    // ------------------------------------------------------------------ the JVM-wide instance

    /**
     * The server shared by this JVM, started on first call. If starting failed, every call throws
     * the same failure again (without retrying).
     *
     * @throws PostgresUnavailableException when the binaries are missing or the server did not start
     */
    public static synchronized PostgresServer shared() {
        if (shared != null) {
            return shared;
        }
        if (sharedFailure != null) {
            throw new PostgresUnavailableException(sharedFailure.getMessage(), sharedFailure);
        }
        try {
            shared = start();
            return shared;
        } catch (PostgresUnavailableException e) {
            sharedFailure = e;
            throw e;
        } catch (RuntimeException e) {
            sharedFailure = new PostgresUnavailableException("Could not start the test PostgreSQL server: " + e, e);
            throw sharedFailure;
        }
    }

    /** Stops the shared server if one is running (a later {@link #shared()} starts a new one). */
    static synchronized void stopShared() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    // ------------------------------------------------------------------ public API

    /** @return a JDBC URL for {@code database} on this server */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    /** @return the superuser to connect as ({@code postgres}, no password: trust authentication) */
    public String user() {
        return USER;
    }

    /** @return the password to use: empty (trust authentication) */
    public String password() {
        return "";
    }

    /** @return {@code 127.0.0.1} */
    public String host() {
        return HOST;
    }

    /** @return the TCP port the server listens on */
    public int port() {
        return port;
    }

    /** @return the directory holding the server binaries ({@code initdb}, {@code pg_ctl}, ...) */
    public Path binDir() {
        return binDir;
    }

    /** @return the server's log file */
    public Path logFile() {
        return logFile;
    }

    /** @return the server version, as {@code SHOW server_version} reports it (e.g. {@code 15.14 (Debian ...)}) */
    public String version() {
        return version;
    }

    /**
     * Creates a fresh, empty database with a unique name ({@code t_<counter>_<random>}), so that each
     * test works in isolation.
     *
     * @return the new database's name
     */
    public String createDatabase() {
        String name = "t_" + databaseCounter.incrementAndGet() + "_" + randomSuffix();
        executeAdmin("CREATE DATABASE " + quoteIdentifier(name));
        return name;
    }

    /** Drops {@code database} if it exists, disconnecting its sessions first. */
    public void dropDatabase(String database) {
        executeAdmin("DROP DATABASE IF EXISTS " + quoteIdentifier(database) + " WITH (FORCE)");
    }

    /** @return a new JDBC connection to {@code database} as {@link #user()}; the caller closes it */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), connectionProperties());
    }

    /** @return the {@code psql} client: {@code binDir/psql}, else {@code /usr/bin/psql}, else on PATH */
    public Path psql() {
        return PostgresBinaries.findPsql(binDir);
    }

    /**
     * Feeds {@code sqlText} on standard input to {@code psql -v ON_ERROR_STOP=1 -X -q} connected over
     * TCP to {@code database}, as a user would run {@code psql < script.sql}. The first error stops
     * the script and gives a non-zero exit code (3).
     */
    public ProcessResult runPsql(String database, String sqlText) {
        return runPsql(database, sqlText, PSQL_TIMEOUT);
    }

    /** {@link #runPsql(String, String)} with an explicit time limit. */
    public ProcessResult runPsql(String database, String sqlText, Duration timeout) {
        Path work = null;
        try {
            work = Files.createTempDirectory("migrate-psql-");
            Path in = Files.writeString(work.resolve("in.sql"), sqlText, StandardCharsets.UTF_8);
            Path out = work.resolve("out.txt");
            Path err = work.resolve("err.txt");
            ProcessBuilder pb = new ProcessBuilder(psql().toString(), "-v", "ON_ERROR_STOP=1", "-X", "-q",
                    "-h", HOST, "-p", Integer.toString(port), "-U", USER, "-d", database)
                    .redirectInput(in.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            cleanEnvironment(pb.environment());
            pb.environment().put("PGCLIENTENCODING", "UTF8");
            pb.environment().put("PGCONNECT_TIMEOUT", "10");
            Process process = pb.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("psql did not finish within " + timeout + "; stdout: "
                        + Files.readString(out) + " stderr: " + Files.readString(err));
            }
            return new ProcessResult(process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run psql", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running psql", e);
        } finally {
            deleteRecursively(work);
        }
    }

    @Override
    public String toString() {
        return "PostgresServer[" + HOST + ":" + port + ", " + version + ", " + binDir + ", data " + dataDir + "]";
    }

    // ------------------------------------------------------------------ start and stop

    private static PostgresServer start() {
        long startedAt = System.nanoTime();
        Path binDir = PostgresBinaries.findBinDir();
        boolean asRoot = isRoot();
        Path baseDir;
        try {
            baseDir = Files.createTempDirectory(asRoot ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir")),
                    "migrate-pg-");
            if (asRoot) {
                chownToPostgres(baseDir);
            }
        } catch (IOException e) {
            throw new PostgresUnavailableException("Could not create a data directory for PostgreSQL: " + e, e);
        }
        PostgresServer server = new PostgresServer(binDir, baseDir, asRoot);
        try {
            server.initdb();
            server.startServer();
            server.awaitConnections();
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        server.shutdownHook = new Thread(server::stop, "migrate-test-postgres-shutdown");
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        log.info("Started test PostgreSQL {} on {}:{} in {} ms (binaries {}, data {})", server.version, HOST,
                server.port, (System.nanoTime() - startedAt) / 1_000_000, binDir, server.dataDir);
        return server;
    }

    private void initdb() {
        Path initdbLog = baseDir.resolve("initdb.log");
        int exit = run(initdbLog, INITDB_TIMEOUT, binDir.resolve("initdb").toString(), "-D", dataDir.toString(),
                "-A", "trust", "-U", USER, "--no-sync", "-E", "UTF8", "--locale=C");
        if (exit != 0) {
            throw new PostgresUnavailableException("initdb failed (exit " + exit + ") in " + dataDir
                    + (asRoot ? " (run as OS user postgres)" : "") + ":\n" + tail(initdbLog));
        }
    }

    private void startServer() {
        Path pgCtlLog = baseDir.resolve("pg_ctl.log");
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            String options = String.join(" ",
                    "-c fsync=off",
                    "-c synchronous_commit=off",
                    "-c full_page_writes=off",
                    "-c listen_addresses=" + HOST,
                    "-c port=" + port,
                    "-c unix_socket_directories='" + baseDir + "'",
                    "-c max_connections=200");
            int exit = run(pgCtlLog, START_TIMEOUT.plusSeconds(10), binDir.resolve("pg_ctl").toString(),
                    "-D", dataDir.toString(), "-l", logFile.toString(), "-w",
                    "-t", Long.toString(START_TIMEOUT.toSeconds()), "-o", options, "start");
            if (exit == 0) {
                return;
            }
            String serverLog = tail(logFile);
            boolean portTaken = serverLog.contains("could not bind") || serverLog.contains("Address already in use");
            if (!portTaken || attempt >= START_ATTEMPTS) {
                throw new PostgresUnavailableException("PostgreSQL did not start (pg_ctl exit " + exit + ", port "
                        + port + "). pg_ctl output:\n" + tail(pgCtlLog) + "\nServer log " + logFile + ":\n"
                        + serverLog);
            }
            log.debug("Port {} was taken, retrying PostgreSQL start on another port", port);
        }
    }

    private void awaitConnections() {
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = connect("postgres");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW server_version")) {
                rs.next();
                version = rs.getString(1);
                return;
            } catch (SQLException e) {
                last = e;
                sleep(100);
            }
        }
        throw new PostgresUnavailableException("PostgreSQL on " + HOST + ":" + port + " did not accept connections within "
                + CONNECT_TIMEOUT.toSeconds() + " s (last error: " + last + "). Server log " + logFile + ":\n"
                + tail(logFile), last);
    }

    /** Stops the server ({@code pg_ctl -m immediate}) and deletes its directory. Idempotent. */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to; stop() is idempotent
            }
        }
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            int exit = run(baseDir.resolve("pg_ctl-stop.log"), Duration.ofSeconds(30),
                    binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
            if (exit != 0) {
                killPostmaster();
            }
        }
        deleteRecursively(baseDir);
    }

    private void killPostmaster() {
        try {
            String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not stop the test PostgreSQL server in {}: {}", dataDir, e.toString());
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Runs a server tool (as OS user postgres when we are root), output to {@code outputFile}. */
    private int run(Path outputFile, Duration timeout, String... command) {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of(runuser(), "-u", USER, "--"));
        }
        full.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(full)
                .directory(baseDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile.toFile()));
        cleanEnvironment(pb.environment());
        pb.environment().put("LC_ALL", "C");
        try {
            Process process = pb.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new PostgresUnavailableException(String.join(" ", full) + " did not finish within " + timeout
                        + ":\n" + tail(outputFile));
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new PostgresUnavailableException("Could not run " + String.join(" ", full) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresUnavailableException("Interrupted while running " + String.join(" ", full), e);
        }
    }

    private void executeAdmin(String sql) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on the test PostgreSQL server: " + sql + ": " + e.getMessage(), e);
        }
    }

    private Properties connectionProperties() {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", "");
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        return props;
    }

    private String randomSuffix() {
        StringBuilder sb = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            sb.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        return sb.toString();
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Client and server tools must not pick up the developer's PGHOST, PGDATA, PGOPTIONS, ... */
    private static void cleanEnvironment(Map<String, String> env) {
        env.keySet().removeIf(key -> key.startsWith("PG"));
    }

    private static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void chownToPostgres(Path dir) throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user;
        try {
            user = lookup.lookupPrincipalByName(USER);
        } catch (UserPrincipalNotFoundException e) {
            throw new PostgresUnavailableException("Running as root, but there is no OS user 'postgres' to run "
                    + "initdb as: install PostgreSQL with `apt-get install -y postgresql` (it creates that user)", e);
        }
        Files.setOwner(dir, user);
        try {
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(USER);
            Files.getFileAttributeView(dir, PosixFileAttributeView.class).setGroup(group);
        } catch (UserPrincipalNotFoundException ignored) {
            // the owner is what matters
        }
    }

    private static String runuser() {
        for (String candidate : List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "runuser";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PostgresUnavailableException("Could not find a free TCP port on " + HOST + ": " + e, e);
        }
    }

    /** The last 40 lines of {@code file}, or a note saying why there are none. */
    static String tail(Path file) {
        try {
            List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no " + file + ": " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresUnavailableException("Interrupted while waiting for PostgreSQL", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: it is a temporary directory
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
