package dev.migrate.demo;

import dev.migrate.testsupport.MariaDbServer;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

/**
 * The README's tutorial against the real MariaDB server, as the demo section says: the same commands with the
 * server's URL; MariaDB's own scripts ({@code db/migrations/mariadb}, a FULLTEXT index searched with
 * {@code MATCH ... AGAINST}) picked by {@code {vendor}}. The suite's one MariaDB run of the packaged jar.
 */
class ReadmeTutorialMariaDbIT extends ReadmeTutorialContract {

    private List<String> arguments;

    @BeforeEach
    void freshDatabase() {
        MariaDbServer server = MariaDbServer.shared();
        String database = server.createDatabase();
        arguments = List.of("--spring.datasource.url=" + server.jdbcUrl(database),
                "--spring.datasource.username=" + server.user());
    }

    @Override
    List<String> databaseArguments() {
        return arguments;
    }

    @Override
    String scriptDirectory() {
        return "src/main/resources/db/migrations/mariadb";
    }

    /** Autogenerate on MariaDB is not in this build: the README's reviewed script goes into a db revision by hand. */
    @Override
    boolean autogenerates() {
        return false;
    }

    @Override
    List<String> expectedOutput(List<String> readmeOutput) {
        return readmeOutput.stream().map(line -> line.replace("db/migrations/sqlite/", "db/migrations/mariadb/")).toList();
    }
}
