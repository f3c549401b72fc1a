package dev.migrate.demo;

import dev.migrate.testsupport.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line against the real PostgreSQL server, one fresh database per test, with the demo's
 * {@code postgres} profile: PostgreSQL's own scripts (a tsvector instead of FTS5), same revision ids and
 * messages, from {@code src/main/resources/db/migrations-postgresql}.
 */
class DbCommandLinePostgresIT extends DbCommandLineContract {

    private final PostgresServer server = PostgresServer.shared();
    private String database;

    @BeforeEach
    void createDatabase() {
        database = server.createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        server.dropDatabase(database);
    }

    @Override
    Path scriptSource() {
        return DemoJar.postgresScripts();
    }

    @Override
    List<String> databaseArguments() {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + server.jdbcUrl(database),
                "--spring.datasource.username=" + server.user());
    }

    @Override
    List<String> tables() {
        try (Connection connection = server.connect(database);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
