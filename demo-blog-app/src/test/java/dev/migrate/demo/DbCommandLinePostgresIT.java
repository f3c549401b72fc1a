package dev.migrate.demo;

import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line against the real PostgreSQL server, one fresh database per test, with the demo's
 * URL: PostgreSQL's own scripts ({@code {vendor}}) (a tsvector instead of FTS5), same revision ids and
 * messages, from {@code src/main/resources/db/migrations/postgresql}.
 */
class DbCommandLinePostgresIT extends DbCommandLineContract {

    @RegisterExtension
    final FreshPostgresDatabase postgres = new FreshPostgresDatabase();

    @Override
    Path scriptSource() {
        return DemoJar.postgresScripts();
    }

    @Override
    List<String> databaseArguments() {
        return postgres.demoArguments();
    }

    @Override
    List<String> tables() {
        return postgres.tables();
    }
}
