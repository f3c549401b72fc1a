package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrationStatus;
import dev.migrate.dialect.TableName;
import dev.migrate.runtime.AdvisoryLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The status operations look at: current, pending, applied with timings and checksums, drift, lock holder. */
class StatusTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void statusShowsPendingAppliedAndDrift(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        Path first = files.write("a00000000001", "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
        files.write("a00000000002", "a00000000001", "two", "CREATE TABLE two (id INTEGER);", "DROP TABLE two;");
        files.write("a00000000003", "a00000000002", "three", "CREATE TABLE three (id INTEGER);", "DROP TABLE three;");
        Migrate migrate = Engines.over(db, files.directory());

        MigrationStatus fresh = migrate.status();
        assertThat(fresh.currentHeads()).isEmpty();
        assertThat(fresh.pending()).extracting(MigrationStatus.Pending::revision)
                .containsExactly("a00000000001", "a00000000002", "a00000000003");
        assertThat(fresh.atHead()).isFalse();

        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        migrate.upgrade("a00000000002");
        Instant after = Instant.now().plusMillis(1);
        MigrationStatus partly = migrate.status();
        assertThat(partly.currentHeads()).containsExactly("a00000000002");
        assertThat(partly.scriptHeads()).containsExactly("a00000000003");
        assertThat(partly.pending()).extracting(MigrationStatus.Pending::revision).containsExactly("a00000000003");
        assertThat(partly.applied()).extracting(MigrationStatus.Applied::revision)
                .containsExactlyInAnyOrder("a00000000001", "a00000000002");
        assertThat(partly.applied()).allSatisfy(applied -> {
            // the time of the run itself, read back in UTC whatever the JVM's or the server's time zone
            assertThat(applied.appliedAt()).isBetween(before, after);
            assertThat(applied.durationMillis()).isNotNegative();
            assertThat(applied.checksum()).startsWith("v1:");
        });
        assertThat(partly.drifted()).isFalse();

        // Line endings alone are not an edit; a changed statement is.
        Files.writeString(first, Files.readString(first).replace("\n", "\r\n"));
        assertThat(migrate.status().editedAfterApplied()).isEmpty();
        Files.writeString(first, Files.readString(first).replace("CREATE TABLE one (id INTEGER);",
                "CREATE TABLE one (id INTEGER, name TEXT);"));
        assertThat(migrate.status().editedAfterApplied()).containsExactly("a00000000001");
        migrate.repair(); // the edit reviewed: upgrade refuses to run until then (DriftTest)

        migrate.upgrade("head");
        assertThat(migrate.status().atHead()).isTrue();

        db.execute("INSERT INTO alembic_version (version_num) VALUES ('ffffffffffff')");
        MigrationStatus unknown = migrate.status();
        assertThat(unknown.unknownInDatabase()).containsExactly("ffffffffffff");
        assertThat(unknown.atHead()).isFalse();
        assertThat(unknown.drifted()).isTrue();
    }

    @Test
    void statusNamesTheLockHolderOnPostgres() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("a00000000001", "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
        Migrate migrate = Engines.over(db, files.directory());
        assertThat(migrate.status().lockHolder()).isNull();
        try (AdvisoryLock held = AdvisoryLock.acquire(db.dataSource(), TableName.of("alembic_version"), Duration.ofSeconds(5))) {
            assertThat(migrate.status().lockHolder()).startsWith("pid ");
        }
    }
}
