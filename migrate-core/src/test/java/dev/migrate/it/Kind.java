package dev.migrate.it;

import java.nio.file.Path;

/** The databases every engine test runs on; PostgreSQL is the suite's own real server. */
enum Kind {
    SQLITE, POSTGRESQL;

    TestDatabase create(Path directory) {
        return this == SQLITE ? TestDatabase.sqlite(directory.resolve("test.db")) : TestDatabase.postgres();
    }
}
