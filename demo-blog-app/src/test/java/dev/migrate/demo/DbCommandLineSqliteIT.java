package dev.migrate.demo;

import java.util.List;

/** The command line on the demo's own default: an SQLite file {@code default.db} in the working directory. */
class DbCommandLineSqliteIT extends DbCommandLineContract {

    @Override
    List<String> databaseArguments() {
        return List.of();
    }

    @Override
    List<String> tables() {
        return DemoJar.sqliteTables(workingDirectory.resolve("default.db"));
    }
}
