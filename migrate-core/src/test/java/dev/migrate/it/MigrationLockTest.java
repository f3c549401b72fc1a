package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import dev.migrate.dialect.TableName;
import dev.migrate.runtime.AdvisoryLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PostgreSQL migration lock: held for the run, reported with its holder, released by the server, optional. */
class MigrationLockTest {

    @TempDir
    Path tmp;

    private Migrate engine(TestDatabase db, ScriptFiles files, boolean lock, Duration timeout) {
        return new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).scriptDirectory(files.directory())
                .lock(lock, timeout).build());
    }

    @Test
    void aHeldLockMakesTheUpgradeWaitAndThenNameTheHolder() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("aaaa00000001", "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");

        try (AdvisoryLock held = AdvisoryLock.acquire(db.dataSource(), TableName.of("alembic_version"), Duration.ofSeconds(5));
             Connection probe = db.dataSource().getConnection()) {
            assertThat(AdvisoryLock.holder(probe, TableName.of("alembic_version"))).hasValueSatisfying(
                    holder -> assertThat(holder).startsWith("pid "));

            assertThatThrownBy(() -> engine(db, files, true, Duration.ofMillis(600)).upgrade("head"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("migration lock").hasMessageContaining("held by pid ");
            assertThat(db.queryStrings(BranchesTest.tableCount(db, "one"))).containsExactly("0");

            // A lock keyed to another version table is another application's: it does not block this one.
            var other = new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).scriptDirectory(files.directory())
                    .versionTable("other_version").lock(true, Duration.ofMillis(600)).build());
            assertThat(other.upgrade("head").steps()).hasSize(1);
        }

        try (Connection probe = db.dataSource().getConnection()) {
            assertThat(AdvisoryLock.holder(probe, TableName.of("alembic_version"))).isEmpty();
        }
    }

    @Test
    void theLockCanBeTurnedOffForPoolingProxies() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("aaaa00000001", "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
        try (AdvisoryLock held = AdvisoryLock.acquire(db.dataSource(), TableName.of("alembic_version"), Duration.ofSeconds(5))) {
            assertThat(engine(db, files, false, Duration.ofMillis(100)).upgrade("head").steps()).hasSize(1);
        }
    }
}
