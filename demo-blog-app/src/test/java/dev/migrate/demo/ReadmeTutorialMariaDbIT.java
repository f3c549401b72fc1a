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

    /** MariaDB's renderer spells types in lower case ({@code varchar(300)}), as PostgreSQL's does. */
    @Override
    String expectedScript(String readmeScript) {
        return readmeScript.replace("VARCHAR(300)", "varchar(300)");
    }

    @Override
    List<String> expectedOutput(List<String> readmeOutput) {
        return readmeOutput.stream().map(line -> line.replace("db/migrations/sqlite/", "db/migrations/mariadb/")).toList();
    }
}
