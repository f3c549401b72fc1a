package dev.migrate.hibernate;

import java.nio.file.Path;

/** The databases the entity journeys run on; PostgreSQL is the suite's own real server. */
enum Kind {
    SQLITE, POSTGRESQL;

    TestDatabase create(Path directory, String name) {
        return this == SQLITE ? TestDatabase.sqlite(directory.resolve(name + ".db")) : TestDatabase.postgres();
    }

    String dialect() {
        return this == SQLITE ? "sqlite" : "postgresql";
    }
}
