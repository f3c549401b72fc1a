package dev.migrate.demo;

import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Locale;

/**
 * The README's tutorial against the real PostgreSQL server, as its last paragraph says: the same commands
 * with the server's URL; the script goes to {@code db/migrations/postgresql}.
 */
class ReadmeTutorialPostgresIT extends ReadmeTutorialContract {

    @RegisterExtension
    final FreshPostgresDatabase postgres = new FreshPostgresDatabase();

    @Override
    List<String> databaseArguments() {
        return postgres.demoArguments();
    }

    @Override
    String scriptDirectory() {
        return "src/main/resources/db/migrations/postgresql";
    }

    /** PostgreSQL's renderer spells types in lower case ({@code varchar(300)}), as the README says. */
    @Override
    String expectedScript(String readmeScript) {
        return readmeScript.replace("VARCHAR(300)", "VARCHAR(300)".toLowerCase(Locale.ROOT));
    }

    @Override
    List<String> expectedOutput(List<String> readmeOutput) {
        return readmeOutput.stream().map(line -> line.replace("db/migrations/sqlite/", "db/migrations/postgresql/")).toList();
    }
}
