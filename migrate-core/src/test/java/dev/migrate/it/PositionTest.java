package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import dev.migrate.command.MigrationPosition;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cheap probe behind the health indicator: the database's heads against the scripts' heads, from the
 * scripts' headers and the version table only; no script body is read, so a poll costs the same whatever
 * the size of the scripts.
 */
class PositionTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pendingAndUnknownRevisionsFromHeadersAndTheVersionTable(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        Path first = files.write("a00000000001", "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
        files.write("a00000000002", "a00000000001", "two", "CREATE TABLE two (id INTEGER);", "DROP TABLE two;");
        files.write("a00000000003", "a00000000002", "three", "CREATE TABLE three (id INTEGER);", "DROP TABLE three;");
        Migrate migrate = Engines.over(db, files.directory());

        MigrationPosition fresh = migrate.position();
        assertThat(fresh.currentHeads()).isEmpty();
        assertThat(fresh.scriptHeads()).containsExactly("a00000000003");
        assertThat(fresh.pending()).isEqualTo(3);
        assertThat(fresh.atHead()).isFalse();

        migrate.upgrade("a00000000002");
        MigrationPosition partly = migrate.position();
        assertThat(partly.currentHeads()).containsExactly("a00000000002");
        assertThat(partly.pending()).isEqualTo(1);
        assertThat(partly.atHead()).isFalse();

        migrate.upgrade("head");
        // A body that cannot be read (bytes that are not UTF-8 below the header): the full status, which
        // checksums applied scripts for drift, fails; the probe never reads it.
        Files.write(first, new byte[] {'-', '-', ' ', (byte) 0xC3, (byte) 0x28, '\n'}, StandardOpenOption.APPEND);
        assertThatThrownBy(migrate::status).isInstanceOf(MigrateException.class).hasMessageContaining("a00000000001_one.sql");
        MigrationPosition atHead = migrate.position();
        assertThat(atHead.atHead()).isTrue();
        assertThat(atHead.pending()).isZero();
        assertThat(atHead.currentHeads()).containsExactly("a00000000003");

        db.execute("INSERT INTO alembic_version (version_num) VALUES ('ffffffffffff')");
        MigrationPosition unknown = migrate.position();
        assertThat(unknown.unknownInDatabase()).containsExactly("ffffffffffff");
        assertThat(unknown.atHead()).isFalse();
    }
}
