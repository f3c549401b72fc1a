package dev.migrate.clinic;

import dev.migrate.testsupport.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

/** {@link ClinicLoopContract} on a fresh database of the suite's PostgreSQL server, dropped afterwards. */
class ClinicLoopPostgresIT extends ClinicLoopContract {

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
    List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + server.jdbcUrl(database), "--spring.datasource.username=" + server.user());
    }

    @Override
    String vendor() {
        return "postgresql";
    }

    @Override
    String addEmailColumn() {
        return "ALTER TABLE owners ADD COLUMN email varchar(120);";
    }
}
