package dev.migrate.it;

import java.nio.file.Path;

/** The contract on a real H2 file database; the lock is the lock table ({@code alembic_version_lock}). */
class H2Test extends ScriptDatabaseContract {

    @Override
    TestDatabase database(Path directory) {
        return TestDatabase.h2(directory);
    }

    @Override
    String displayName() {
        return "H2";
    }
}
