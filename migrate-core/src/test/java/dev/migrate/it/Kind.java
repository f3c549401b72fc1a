package dev.migrate.it;

import java.nio.file.Path;

/** The databases every engine test runs on; PostgreSQL is the suite's own real server. */
public enum Kind {
    SQLITE, POSTGRESQL;

    public TestDatabase create(Path directory) {
        return this == SQLITE ? TestDatabase.sqlite(directory.resolve("test.db")) : TestDatabase.postgres();
    }
}
