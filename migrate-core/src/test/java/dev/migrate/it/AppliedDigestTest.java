package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import dev.migrate.runtime.AppliedRepeatable;
import dev.migrate.runtime.RunResult;
import dev.migrate.fleet.Fleet;
import dev.migrate.fleet.FleetTarget;
import dev.migrate.script.ScriptIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The digest of the applied scripts (issue 16): every write of the engine ends the log with a {@code digest} row, the
 * fingerprint of what is applied (each revision's recorded checksum, each repeatable script's); the build's script
 * index carries the same fingerprint of its scripts. At head the check compares the two and reads one log row, not
 * the whole log; when they differ, or when the newest row is not a digest (a database an older version wrote, a
 * failure since), it reads the whole log as before. Nothing it used to find is lost: an edited script, a changed
 * repeatable script, an earlier failure.
 */
class AppliedDigestTest {

    private static final String A = "d00000000001";
    private static final String B = "d00000000002";
    private static final String C = "d00000000003";
    private static final String REPEATABLE = "R__touch.sql";
    private static final String NEWEST_ROW = "MAX(id)";
    private static final String WHOLE_LOG = "ORDER BY id";

    /** The databases of this test: MariaDB too, whose check reads heads and digest in an anonymous block. */
    enum Db {
        SQLITE, POSTGRESQL, MARIADB;

        TestDatabase create(Path directory) {
            return switch (this) {
                case SQLITE -> TestDatabase.sqlite(directory.resolve("test.db"));
                case POSTGRESQL -> TestDatabase.postgres();
                case MARIADB -> TestDatabase.mariadb();
            };
        }
    }

    @TempDir
    Path tmp;

    private ScriptFiles files;

    private void scripts() {
        files = new ScriptFiles(tmp.resolve("classes/db/migrations"));
        files.write(A, "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
        files.write(B, A, "two", "CREATE TABLE two (id INTEGER);", "DROP TABLE two;");
        files.writeRaw(REPEATABLE, "UPDATE one SET id = id;\n");
    }

    /** The jar an application is built into: its scripts and the index the build writes. */
    private URLClassLoader packaged() throws Exception {
        ScriptIndex.write(files.directory());
        return new URLClassLoader(new URL[] {ScriptJar.write(files.directory(), tmp).toUri().toURL()}, null);
    }

    private static Migrate engine(DataSource dataSource, ClassLoader loader) {
        return new Migrate(MigrateConfig.builder().dataSource(dataSource).location("classpath:db/migrations")
                .classLoader(loader).build()).withPackagedScripts();
    }

    private TestDatabase migrated(Db kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        scripts();
        try (URLClassLoader loader = packaged()) {
            engine(db.dataSource(), loader).upgrade("head");
        }
        return db;
    }

    /** The statements of {@code upgrade(target)} that read the log; its result added to {@code results}. */
    private static List<String> logReads(TestDatabase db, ClassLoader loader, String target, List<RunResult> results) {
        StatementLog recorded = new StatementLog(db.dataSource());
        results.add(engine(recorded.dataSource(), loader).upgrade(target));
        return recorded.statements().stream().filter(sql -> sql.contains("migrate_log")).toList();
    }

    private static String newestDirection(TestDatabase db) throws Exception {
        return db.queryStrings("SELECT direction FROM migrate_log WHERE id = (SELECT MAX(id) FROM migrate_log)").get(0);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void atHeadTheCheckReadsTheNewestLogRowAndNotTheWholeLog(Db kind) throws Exception {
        TestDatabase db = migrated(kind);
        List<String> before = db.queryStrings("SELECT id FROM migrate_log ORDER BY id");
        assertThat(newestDirection(db)).isEqualTo("digest");

        try (URLClassLoader loader = packaged()) {
            List<RunResult> results = new ArrayList<>();
            List<String> reads = logReads(db, loader, "head", results);

            assertThat(results.get(0).steps()).isEmpty();
            assertThat(results.get(0).toHeads()).containsExactly(B);
            assertThat(reads).singleElement().asString().contains(NEWEST_ROW);
        }
        assertThat(db.queryStrings("SELECT id FROM migrate_log ORDER BY id")).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anEditedScriptIsStillRefusedAndAChangedRepeatableScriptApplied(Db kind) throws Exception {
        TestDatabase db = migrated(kind);
        files.writeRaw(REPEATABLE, "UPDATE one SET id = id + 0;\n");
        try (URLClassLoader loader = packaged()) {
            assertThat(engine(db.dataSource(), loader).upgrade("head").repeatables())
                    .extracting(AppliedRepeatable::name).containsExactly("touch");
        }

        Path first = files.directory().resolve(A + "_one.sql");
        Files.writeString(first, Files.readString(first).replace("(id INTEGER)", "(id BIGINT)"));
        try (URLClassLoader loader = packaged()) {
            assertThatThrownBy(() -> engine(db.dataSource(), loader).upgrade("head"))
                    .isInstanceOf(MigrateException.class).hasMessageContaining(A);
            // repair records the edit, and with it a digest that the edited scripts' index matches again
            assertThat(engine(db.dataSource(), loader).repair()).hasSize(1);
            assertThat(newestDirection(db)).isEqualTo("digest");
            List<RunResult> results = new ArrayList<>();
            assertThat(logReads(db, loader, "head", results)).singleElement().asString().contains(NEWEST_ROW);
            assertThat(results.get(0).steps()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aDatabaseAnOlderVersionWroteIsComparedInFull(Db kind) throws Exception {
        TestDatabase db = migrated(kind);
        // an older version of this engine writes no digest row
        db.execute("DELETE FROM migrate_log WHERE direction = 'digest'");
        try (URLClassLoader loader = packaged()) {
            List<RunResult> results = new ArrayList<>();
            List<String> reads = logReads(db, loader, "head", results);

            assertThat(results.get(0).steps()).isEmpty();
            assertThat(reads).last().asString().contains(WHOLE_LOG);
        }
        Path first = files.directory().resolve(A + "_one.sql");
        Files.writeString(first, Files.readString(first).replace("(id INTEGER)", "(id BIGINT)"));
        try (URLClassLoader loader = packaged()) {
            assertThatThrownBy(() -> engine(db.dataSource(), loader).upgrade("head"))
                    .isInstanceOf(MigrateException.class).hasMessageContaining(A);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aRowWrittenAfterTheDigestByAnOlderVersionIsSeen(Db kind) throws Exception {
        TestDatabase db = migrated(kind);
        // an older version's failed downgrade of B, after the digest: every start at head reports it
        db.execute("INSERT INTO migrate_log (revision, direction, started_at, duration_ms, success, error) VALUES ('"
                + B + "', 'downgrade', CURRENT_TIMESTAMP, 0, false, 'it failed')");
        try (URLClassLoader loader = packaged()) {
            RunResult result = engine(db.dataSource(), loader).upgrade("head");

            assertThat(result.steps()).isEmpty();
            assertThat(result.earlierFailures()).singleElement().asString().contains(B);
        }
    }

    @Test
    void aStampNeverFailsOnALogRowItCannotReadItOnlyEndsTheLogWithoutADigest() throws Exception {
        // stamp is what a partial failure's message advises: its digest, which reads the whole log, must not stop it
        TestDatabase db = migrated(Db.SQLITE);
        try (URLClassLoader loader = packaged()) {
            engine(db.dataSource(), loader).downgrade("-1");
            db.execute("UPDATE migrate_log SET started_at = 'not a time' WHERE id = (SELECT MIN(id) FROM migrate_log)");

            RunResult stamped = engine(db.dataSource(), loader).stamp(B, false);

            assertThat(stamped.toHeads()).containsExactly(B);
            assertThat(db.queryStrings("SELECT version_num FROM alembic_version")).containsExactly(B);
            assertThat(newestDirection(db)).isEqualTo("stamp");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void stampDowngradeAndBranchesKeepTheDigestAndAFailureEndsIt(Db kind) throws Exception {
        TestDatabase db = migrated(kind);
        try (URLClassLoader loader = packaged()) {
            engine(db.dataSource(), loader).downgrade("-1");
            assertThat(newestDirection(db)).isEqualTo("digest");
            engine(db.dataSource(), loader).stamp(B, false);
            assertThat(newestDirection(db)).isEqualTo("digest");
            // the downgrade made the repeatable script due again
            assertThat(engine(db.dataSource(), loader).upgrade("head").repeatables()).hasSize(1);
            assertThat(newestDirection(db)).isEqualTo("digest");
            // B was stamped, so no checksum of it is recorded: the digests differ and the whole log is compared
            List<RunResult> results = new ArrayList<>();
            assertThat(logReads(db, loader, "head", results)).last().asString().contains(WHOLE_LOG);
            assertThat(results.get(0).toHeads()).containsExactly(B);
        }

        // a second branch from A: both heads applied by upgrade("heads"), then answered by the digest
        files.write(C, A, "three", "CREATE TABLE three (id INTEGER);", "DROP TABLE three;");
        TestDatabase fresh = kind.create(Files.createDirectories(tmp.resolve("fresh")));
        try (URLClassLoader loader = packaged()) {
            engine(fresh.dataSource(), loader).upgrade("heads");
            List<RunResult> results = new ArrayList<>();
            assertThat(logReads(fresh, loader, "heads", results)).singleElement().asString().contains(NEWEST_ROW);
            assertThat(results.get(0).steps()).isEmpty();
            assertThat(results.get(0).toHeads()).containsExactlyInAnyOrder(B, C);
        }

        // a failed downgrade ends the log with its failure: the next start reads the log and reports it
        Files.delete(files.directory().resolve(C + "_three.sql"));
        files.write(B, A, "two", "CREATE TABLE two (id INTEGER);", "DROP TABLE no_such_table;");
        TestDatabase linear = kind.create(Files.createDirectories(tmp.resolve("linear")));
        try (URLClassLoader loader = packaged()) {
            engine(linear.dataSource(), loader).upgrade("head");
            assertThatThrownBy(() -> engine(linear.dataSource(), loader).downgrade("-1"))
                    .isInstanceOf(MigrateException.class);
        }
        assertThat(newestDirection(linear)).isEqualTo("downgrade");
        try (URLClassLoader loader = packaged()) {
            List<RunResult> results = new ArrayList<>();
            assertThat(logReads(linear, loader, "head", results)).last().asString().contains(WHOLE_LOG);
            assertThat(results.get(0).earlierFailures()).singleElement().asString().contains(B);
        }
    }

    @Test
    void eachTenantOfAFleetKeepsItsOwnDigest() throws Exception {
        TestDatabase db = Db.POSTGRESQL.create(tmp);
        scripts();
        try (URLClassLoader loader = packaged()) {
            assertThat(new Fleet(tenants(db.dataSource(), loader), 2).withPackagedScripts().upgrade("head").succeeded())
                    .isTrue();
            for (String tenant : List.of("digest_1", "digest_2")) {
                assertThat(db.queryStrings("SELECT direction FROM " + tenant + ".migrate_log WHERE id = (SELECT MAX(id) FROM "
                        + tenant + ".migrate_log)")).as(tenant).containsExactly("digest");
            }

            StatementLog recorded = new StatementLog(db.dataSource());
            assertThat(new Fleet(tenants(recorded.dataSource(), loader), 1).withPackagedScripts().upgrade("head")
                    .succeeded()).isTrue();
            assertThat(recorded.statements().stream().filter(sql -> sql.contains("migrate_log")))
                    .hasSize(2).allSatisfy(sql -> assertThat(sql).contains(NEWEST_ROW));
        }
    }

    private static List<FleetTarget> tenants(DataSource dataSource, ClassLoader loader) {
        MigrateConfig config = MigrateConfig.builder().dataSource(dataSource).location("classpath:db/migrations")
                .classLoader(loader).build();
        return List.of(FleetTarget.schema("digest_1", config), FleetTarget.schema("digest_2", config));
    }
}
