package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import dev.migrate.runtime.ChangedScript;
import dev.migrate.script.JavaMigration;
import dev.migrate.script.MigrationContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drift enforced: an applied revision's script edited afterwards stops {@code upgrade} (Flyway's
 * validate-on-migrate) until {@code repair} re-records its checksum or validation is turned off.
 */
class DriftTest {

    static final String A = "a00000000001";
    static final String B = "a00000000002";
    static final String C = "a00000000003";

    @TempDir
    Path tmp;

    private ScriptFiles files;
    private Path first;
    private Path second;

    private void writeScripts() {
        files = new ScriptFiles(tmp.resolve("migrations"));
        first = files.write(A, "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
        second = files.write(B, A, "two", "CREATE TABLE two (id INTEGER);", "DROP TABLE two;");
        files.write(C, B, "three", "CREATE TABLE three (id INTEGER);", "DROP TABLE three;");
    }

    private static void edit(Path script, String from, String to) throws Exception {
        String text = Files.readString(script);
        assertThat(text).contains(from);
        Files.writeString(script, text.replace(from, to));
    }

    private static List<String> logRows(TestDatabase db) throws Exception {
        return db.queryStrings("SELECT revision || ' ' || direction FROM migrate_log WHERE direction <> 'digest' ORDER BY id");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void upgradeRefusesWhenAnAppliedScriptChangedNamingEachOne(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        writeScripts();
        Migrate migrate = Engines.over(db, files.directory());
        migrate.upgrade(B);

        // Line endings alone are not an edit.
        Files.writeString(first, Files.readString(first).replace("\n", "\r\n"));
        edit(second, "CREATE TABLE two (id INTEGER);", "CREATE TABLE two (id INTEGER, name TEXT);");
        assertThatThrownBy(() -> migrate.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
                        .contains(B + " (" + second + ")").doesNotContain(A)
                        .contains("db repair").contains("migrate.validate-on-migrate=false"));
        assertThat(migrate.current(false).revisions()).containsExactly(B);
        assertThat(db.queryStrings(BranchesTest.tableCount(db, "three"))).containsExactly("0");

        edit(first, "CREATE TABLE one (id INTEGER);", "CREATE TABLE one (id BIGINT);");
        assertThatThrownBy(() -> migrate.upgrade("head"))
                .satisfies(e -> assertThat(e.getMessage()).contains(A + " (" + first + ")").contains(B + " (" + second + ")"));
        // Nothing to run changes nothing: the startup upgrade of an up-to-date database refuses too.
        assertThatThrownBy(() -> migrate.upgrade(B)).satisfies(e -> assertThat(e.getMessage()).contains(A).contains(B));
        assertThatThrownBy(migrate::validateChecksums).isInstanceOf(MigrateException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(A).contains(B).contains("db repair"));
        assertThat(logRows(db)).containsExactly(A + " upgrade", B + " upgrade");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void repairReRecordsTheChecksumsAndKeepsTheHistory(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        writeScripts();
        Migrate migrate = Engines.over(db, files.directory());
        migrate.upgrade(B);
        String appliedChecksum = migrate.status().applied().stream().filter(applied -> applied.revision().equals(B))
                .findFirst().orElseThrow().checksum();
        edit(second, "CREATE TABLE two (id INTEGER);", "CREATE TABLE two (id INTEGER, name TEXT);");
        assertThat(migrate.status().editedAfterApplied()).containsExactly(B);

        List<ChangedScript> repaired = migrate.repair();

        assertThat(repaired).extracting(ChangedScript::revision).containsExactly(B);
        assertThat(repaired.get(0).recordedChecksum()).isEqualTo(appliedChecksum);
        assertThat(repaired.get(0).currentChecksum()).startsWith("v1:").isNotEqualTo(appliedChecksum);
        assertThat(logRows(db)).containsExactly(A + " upgrade", B + " upgrade", B + " repair");
        assertThat(db.queryStrings("SELECT checksum FROM migrate_log WHERE direction = 'repair'"))
                .containsExactly(repaired.get(0).currentChecksum());
        assertThat(migrate.status().editedAfterApplied()).isEmpty();
        // The status still tells when the revision was applied, with the checksum it was applied with.
        assertThat(migrate.status().applied()).filteredOn(applied -> applied.revision().equals(B))
                .singleElement().satisfies(applied -> assertThat(applied.checksum()).isEqualTo(appliedChecksum));
        assertThat(migrate.repair()).isEmpty();

        migrate.validateChecksums();
        migrate.upgrade("head");
        assertThat(migrate.current(false).revisions()).containsExactly(C);

        // An edit after the repair is drift again; downgrading and upgrading records the script anew.
        edit(second, "name TEXT", "title TEXT");
        assertThatThrownBy(() -> migrate.upgrade("head")).satisfies(e -> assertThat(e.getMessage()).contains(B));
        migrate.downgrade(A);
        migrate.upgrade("head");
        assertThat(migrate.status().editedAfterApplied()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void validationTurnedOffLetsTheUpgradeRun(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        writeScripts();
        Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).scriptDirectory(files.directory())
                .validateOnMigrate(false).build());
        migrate.upgrade(B);
        edit(first, "CREATE TABLE one (id INTEGER);", "CREATE TABLE one (id BIGINT);");

        migrate.upgrade("head");

        assertThat(migrate.current(false).revisions()).containsExactly(C);
        assertThat(migrate.status().editedAfterApplied()).containsExactly(A);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void revisionsWithoutARecordedChecksumAreNotDrift(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        writeScripts();
        // Adopted from Flask-Migrate: the version table at A, no log table, A's script since reformatted.
        db.execute("CREATE TABLE one (id INTEGER)");
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
        db.execute("INSERT INTO alembic_version (version_num) VALUES ('" + A + "')");
        edit(first, "CREATE TABLE one (id INTEGER);", "CREATE TABLE one (\n    id INTEGER\n);");
        Migrate migrate = Engines.over(db, files.directory());

        migrate.validateChecksums();
        migrate.upgrade(B);

        // Stamped, not run: no checksum either.
        migrate.stamp(C, false);
        edit(files.directory().resolve(C + "_three.sql"), "CREATE TABLE three", "CREATE TABLE IF NOT EXISTS three");
        assertThat(migrate.repair()).isEmpty();
        migrate.upgrade("head");
        assertThat(migrate.current(false).revisions()).containsExactly(C);
    }

    /** A data migration with no SQL body, hence no checksum. */
    static final class Seed implements JavaMigration {
        private final String value;

        Seed(String value) {
            this.value = value;
        }

        public String revision() {
            return "b00000000004";
        }

        public List<String> revises() {
            return List.of(C);
        }

        public String message() {
            return "seed";
        }

        public void upgrade(MigrationContext context) throws Exception {
            context.execute("INSERT INTO three (id) VALUES (" + value + ")");
        }

        public void downgrade(MigrationContext context) throws Exception {
            context.execute("DELETE FROM three");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void javaMigrationsAreNotDrift(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        writeScripts();
        new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).scriptDirectory(files.directory())
                .javaMigration(new Seed("1")).build()).upgrade("heads");
        // The class changed since it ran: nothing records what it was.
        Migrate changed = new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).scriptDirectory(files.directory())
                .javaMigration(new Seed("2")).build());

        changed.validateChecksums();
        assertThat(changed.upgrade("heads").steps()).isEmpty();
        assertThat(changed.repair()).isEmpty();
    }
}
