package dev.migrate.it;

import dev.migrate.command.Migrate;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Override
    boolean supportsAutogenerate() {
        return true;
    }

    @Test
    void anInMemoryDatabaseIsMigratedToo() throws Exception {
        TestDatabase db = new TestDatabase.H2("jdbc:h2:mem:migrate_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("m00000000001", "", "notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(200));",
                "DROP TABLE notes;");
        Migrate migrate = Engines.over(db, files.directory());

        migrate.upgrade("head");
        assertThat(migrate.current(false).revisions()).containsExactly("m00000000001");
        assertThat(db.queryStrings(tableCount(db, "notes"))).containsExactly("1");
        migrate.downgrade("base");
        assertThat(db.queryStrings(tableCount(db, "notes"))).containsExactly("0");
        db.execute("SHUTDOWN");
    }
}
