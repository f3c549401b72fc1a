package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static dev.migrate.it.BranchesTest.tableCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code -- migrate:no-transaction} on PostgreSQL, and one transaction for the whole run. */
class TransactionModesTest {

    @TempDir
    Path tmp;

    @Test
    void createIndexConcurrentlyRunsOutsideATransaction() throws Exception {
        TestDatabase db = Kind.POSTGRESQL.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("aaaa00000001", "", "create users", "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100));",
                "DROP TABLE users;");
        files.writeRaw("bbbb00000002_index_emails.sql", """
                -- index emails
                --
                -- Revision ID: bbbb00000002
                -- Revises: aaaa00000001
                -- Create Date: 2026-11-21 10:00:00.000000
                -- migrate:no-transaction

                -- migrate:upgrade
                CREATE INDEX CONCURRENTLY ix_users_email ON users (email);

                -- migrate:downgrade
                DROP INDEX CONCURRENTLY ix_users_email;
                """);
        Migrate migrate = Engines.over(db, files.directory());

        migrate.upgrade("head");

        assertThat(migrate.current(false).revisions()).containsExactly("bbbb00000002");
        assertThat(db.queryStrings("SELECT indexname FROM pg_indexes WHERE tablename = 'users' AND indexname LIKE 'ix_%'"))
                .containsExactly("ix_users_email");
        assertThat(db.queryStrings("SELECT revision FROM migrate_log WHERE success AND direction <> 'digest' ORDER BY id"))
                .containsExactly("aaaa00000001", "bbbb00000002");

        migrate.downgrade("-1");
        assertThat(migrate.current(false).revisions()).containsExactly("aaaa00000001");
        assertThat(db.queryStrings("SELECT indexname FROM pg_indexes WHERE tablename = 'users' AND indexname LIKE 'ix_%'"))
                .isEmpty();
    }

    @Test
    void createIndexConcurrentlyFailsInsideATransaction() throws Exception {
        TestDatabase db = Kind.POSTGRESQL.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("aaaa00000001", "", "create users", "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100));\n"
                + "CREATE INDEX CONCURRENTLY ix_users_email ON users (email);", "DROP TABLE users;");

        assertThatThrownBy(() -> Engines.over(db, files.directory()).upgrade("head"))
                .isInstanceOf(MigrateException.class).hasMessageContaining("CONCURRENTLY");
        assertThat(db.queryStrings(tableCount(db, "users"))).containsExactly("0");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void oneTransactionForTheRunRollsBackEveryRevision(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("r00000000001", "", "one", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
        files.write("r00000000002", "r00000000001", "two", "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");
        files.write("r00000000003", "r00000000002", "three", "CREATE TABLE t3 (id INTEGER);\n"
                + "INSERT INTO no_such_table (id) VALUES (1);", "DROP TABLE t3;");
        Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(db.dataSource())
                .scriptDirectory(files.directory()).transactionPerMigration(false).build());

        assertThatThrownBy(() -> migrate.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
                        .contains("r00000000003_three.sql:11").contains("no_such_table"));

        assertThat(migrate.current(false).revisions()).isEmpty();
        for (String table : new String[] {"t1", "t2", "t3"}) {
            assertThat(db.queryStrings(tableCount(db, table))).as(table).containsExactly("0");
        }
        assertThat(db.queryStrings("SELECT revision FROM migrate_log WHERE "
                + (db.kind().equals("sqlite") ? "success = 1" : "success"))).isEmpty();

        files.write("r00000000003", "r00000000002", "three", "CREATE TABLE t3 (id INTEGER);", "DROP TABLE t3;");
        assertThat(migrate.upgrade("head").steps()).hasSize(3);
        assertThat(migrate.current(false).revisions()).containsExactly("r00000000003");
    }
}
