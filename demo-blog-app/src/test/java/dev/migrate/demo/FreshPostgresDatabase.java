package dev.migrate.demo;

import dev.migrate.testsupport.PostgresServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A fresh database on the shared PostgreSQL server for each test, dropped after it, and what the demo is given
 * to use it. Registered with {@code @RegisterExtension} by the PostgreSQL variants of the contracts.
 */
final class FreshPostgresDatabase implements BeforeEachCallback, AfterEachCallback {

    private final PostgresServer server = PostgresServer.shared();
    private String database;

    @Override
    public void beforeEach(ExtensionContext context) {
        database = server.createDatabase();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.dropDatabase(database);
    }

    /** This test's database and the server's user: the URL alone picks PostgreSQL's scripts ({@code {vendor}}). */
    List<String> demoArguments() {
        return List.of("--spring.datasource.url=" + server.jdbcUrl(database),
                "--spring.datasource.username=" + server.user());
    }

    /** The tables of this test's database, in its {@code public} schema. */
    List<String> tables() {
        try (Connection connection = server.connect(database)) {
            return DemoJar.names(connection,
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
