package dev.migrate.it;

import java.nio.file.Path;

/** The contract on the suite's real MariaDB server; the lock is {@code GET_LOCK} on the run's session. */
class MariaDbTest extends ScriptDatabaseContract {

    @Override
    TestDatabase database(Path directory) {
        return TestDatabase.mariadb();
    }

    @Override
    String displayName() {
        return "MariaDB/MySQL";
    }
}
