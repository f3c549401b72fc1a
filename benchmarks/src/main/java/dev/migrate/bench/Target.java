package dev.migrate.bench;

import dev.migrate.testsupport.MariaDbServer;
import dev.migrate.testsupport.PostgresServer;
import dev.migrate.testsupport.PostgresUnavailableException;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where a scenario's databases live: SQLite files under the scenario's work directory, or databases of their
 * own on the throwaway PostgreSQL server of {@code migrate-test-support} (initdb'd per JVM, trust
 * authentication, durability off: {@code fsync=off}, so commits there cost no disk flush), or on its throwaway
 * MariaDB server (Debian's {@code mariadb-server}, root without a password, durability off:
 * {@code innodb-flush-log-at-trx-commit=0}, no binary log).
 */
interface Target {

    /** {@code sqlite} or {@code postgresql}, the label in the table. */
    String name();

    /** A fresh, empty database; closing it deletes it. */
    Db create() throws Exception;

    /** One database: a data source for it, and what deletes it. */
    interface Db extends AutoCloseable {
        DataSource dataSource();

        /** For untimed set-up: on SQLite the same file with {@code synchronous=OFF}, elsewhere the same. */
        default DataSource setupDataSource() {
            return dataSource();
        }

        /** The JDBC URL of {@link #dataSource()}, for a process of its own (scenario "boot"). */
        String jdbcUrl();

        /** The login user of {@link #jdbcUrl()}, or null when none is needed. */
        default String user() {
            return null;
        }

        @Override
        void close() throws Exception;
    }

    /** SQLite files in {@code dir}; {@code synchronous=false} sets {@code PRAGMA synchronous=OFF}. */
    static Target sqlite(Path dir, boolean synchronous) {
        AtomicInteger serial = new AtomicInteger();
        return new Target() {
            @Override
            public String name() {
                return synchronous ? "sqlite" : "sqlite (synchronous=OFF)";
            }

            @Override
            public Db create() throws Exception {
                Files.createDirectories(dir);
                Path file = dir.resolve("db-" + serial.incrementAndGet() + ".db");
                SQLiteDataSource dataSource = ApplyScenario.dataSource(file, synchronous);
                SQLiteDataSource setup = ApplyScenario.dataSource(file, false);
                return new Db() {
                    @Override
                    public DataSource dataSource() {
                        return dataSource;
                    }

                    @Override
                    public DataSource setupDataSource() {
                        return setup;
                    }

                    @Override
                    public String jdbcUrl() {
                        return dataSource.getUrl();
                    }

                    @Override
                    public void close() throws Exception {
                        Files.deleteIfExists(file);
                        Files.deleteIfExists(Path.of(file + "-journal"));
                    }
                };
            }
        };
    }

    /** The shared PostgreSQL server of this JVM, started on first use. */
    static Target postgres() {
        PostgresServer server = PostgresServer.shared();
        return new Target() {
            @Override
            public String name() {
                return "postgresql";
            }

            @Override
            public Db create() {
                String database = server.createDatabase();
                PGSimpleDataSource dataSource = new PGSimpleDataSource();
                dataSource.setURL(server.jdbcUrl(database));
                dataSource.setUser(server.user());
                return serverDb(dataSource, server.jdbcUrl(database), server.user(), () -> server.dropDatabase(database));
            }
        };
    }

    /** The shared MariaDB server of this JVM, started on first use. */
    static Target mariadb() {
        MariaDbServer server = MariaDbServer.shared();
        return new Target() {
            @Override
            public String name() {
                return "mariadb";
            }

            @Override
            public Db create() throws Exception {
                String database = server.createDatabase();
                MariaDbDataSource dataSource = new MariaDbDataSource(server.jdbcUrl(database));
                dataSource.setUser(server.user());
                return serverDb(dataSource, server.jdbcUrl(database), server.user(), () -> {
                    try (Connection connection = server.connect(""); Statement statement = connection.createStatement()) {
                        statement.execute("DROP DATABASE `" + database + "`");
                    }
                });
            }
        };
    }

    /** A database of its own on a test server: its data source, URL and user, and what drops it. */
    private static Db serverDb(DataSource dataSource, String jdbcUrl, String user, AutoCloseable drop) {
        return new Db() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public String jdbcUrl() {
                return jdbcUrl;
            }

            @Override
            public String user() {
                return user;
            }

            @Override
            public void close() throws Exception {
                drop.close();
            }
        };
    }

    /** SQLite, PostgreSQL and MariaDB, each server database when its server starts here (a note otherwise). */
    static List<Target> availableWithMariaDb(Path dir, boolean synchronous, PrintStream out) {
        List<Target> targets = available(dir, synchronous, out);
        mariadbIfAvailable(out).ifPresent(targets::add);
        return targets;
    }

    /** MariaDB when its server starts here (its binaries installed), a note on {@code out} otherwise. */
    static Optional<Target> mariadbIfAvailable(PrintStream out) {
        return ifStarted("MariaDB", Target::mariadb, RuntimeException.class, out);
    }

    /** SQLite, then PostgreSQL when its server starts here (a note on {@code out} otherwise). */
    static List<Target> available(Path dir, boolean synchronous, PrintStream out) {
        List<Target> targets = new ArrayList<>();
        targets.add(sqlite(dir, synchronous));
        postgresIfAvailable(out).ifPresent(targets::add);
        return targets;
    }

    static Optional<Target> postgresIfAvailable(PrintStream out) {
        return ifStarted("PostgreSQL", Target::postgres, PostgresUnavailableException.class, out);
    }

    /** The server's target, or empty with a note on {@code out} when starting it threw {@code unavailable}. */
    private static Optional<Target> ifStarted(String name, Supplier<Target> start,
                                              Class<? extends RuntimeException> unavailable, PrintStream out) {
        try {
            return Optional.of(start.get());
        } catch (RuntimeException e) {
            if (!unavailable.isInstance(e)) {
                throw e;
            }
            out.println("  (" + name + " skipped: " + e.getMessage() + ")");
            return Optional.empty();
        }
    }
}
