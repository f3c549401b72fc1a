package dev.migrate.test;

import dev.migrate.command.Migrate;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;
import dev.migrate.test.Fixture.Kind;
import dev.migrate.testsupport.PostgresTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each check on a sound history passes, and on a deliberately broken one fails with a message that says why. */
@PostgresTest
class MigrationChecksTest {

    static final String A = "aaaa00000001";
    static final String B = "bbbb00000002";
    static final String C = "cccc00000003";

    @TempDir
    Path tmp;

    @Table
    record Users(@Id Long id, @Column(length = 50) String name) {
    }

    @Table(name = "users")
    record UsersWithEmail(@Id Long id, @Column(length = 50) String name, @Column(length = 100) String email) {
    }

    @Table
    record Orders(@Id Long id) {
    }

    /** How each database reflects a {@code Long} id, so that the sound history matches its models exactly. */
    private static String id(Kind kind) {
        return kind == Kind.SQLITE ? "id INTEGER NOT NULL PRIMARY KEY" : "id BIGINT PRIMARY KEY";
    }

    private Fixture sound(Kind kind) {
        return new Fixture(kind, tmp)
                .script(A, "", "create users", "CREATE TABLE users (" + id(kind) + ", name VARCHAR(50));",
                        "DROP TABLE users;")
                .script(B, A, "add orders", "CREATE TABLE orders (" + id(kind) + ");", "DROP TABLE orders;");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSoundHistoryPassesEveryCheck(Kind kind) {
        Migrate migrate = sound(kind).migrate(ModelSource.annotated(Users.class, Orders.class));
        migrate.upgrade("heads"); // as an application context that upgrades on startup leaves it
        MigrationChecks checks = MigrationChecks.of(migrate);

        assertThatCode(() -> {
            checks.assertSingleHead();
            checks.assertScriptsValid();
            checks.assertStairway();
            checks.assertModelsMatchMigrations();
        }).doesNotThrowAnyException();
    }

    /**
     * A repeatable view over a table: the stairway checks the revisions alone (an upgrade to the head would apply the
     * view, which no downgrade undoes) and leaves the database at the heads with the view applied.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aHistoryWithARepeatableViewPassesEveryCheck(Kind kind) {
        Migrate migrate = new Fixture(kind, tmp)
                .script(A, "", "create users", "CREATE TABLE users (" + id(kind) + ", name VARCHAR(50));",
                        "DROP VIEW IF EXISTS user_names;\nDROP TABLE users;")
                .script(B, A, "add orders", "CREATE TABLE orders (" + id(kind) + ");", "DROP TABLE orders;")
                .repeatable("user_names", "DROP VIEW IF EXISTS user_names;\nCREATE VIEW user_names AS SELECT name FROM users;\n")
                .migrate(ModelSource.annotated(Users.class, Orders.class));
        migrate.upgrade("heads");
        MigrationChecks checks = MigrationChecks.of(migrate);

        assertThatCode(() -> {
            checks.assertScriptsValid();
            checks.assertStairway();
        }).doesNotThrowAnyException();
        assertThatCode(() -> migrate.status().repeatables().forEach(repeatable -> {
            if (repeatable.state() != dev.migrate.runtime.RepeatableState.APPLIED) {
                throw new AssertionError(repeatable + " is not applied after the stairway");
            }
        })).doesNotThrowAnyException();
        assertThatCode(checks::assertModelsMatchMigrations).doesNotThrowAnyException();
    }

    /** A revision using a configured {@code ${key}} parameter parses as the engine's upgrade parses it. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRevisionUsingAConfiguredParameterPassesTheScriptCheck(Kind kind) {
        Migrate migrate = new Fixture(kind, tmp)
                .script(A, "", "create users", "CREATE TABLE ${table} (" + id(kind) + ", name VARCHAR(50));",
                        "DROP TABLE ${table};")
                .migrateWithParameter("table", "users");
        migrate.upgrade("heads");

        assertThat(migrate.current(false).lines()).containsExactly(A + " (head)");
        assertThatCode(MigrationChecks.of(migrate)::assertScriptsValid).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRepeatableScriptWithASectionFailsTheScriptCheck(Kind kind) {
        MigrationChecks checks = MigrationChecks.of(sound(kind)
                .repeatable("user_names", "CREATE VIEW user_names AS SELECT name FROM users;\n-- migrate:downgrade\n").migrate());

        assertThatThrownBy(checks::assertScriptsValid).isInstanceOf(MigrationCheckFailure.class)
                .hasMessageContaining("repeatable script user_names does not parse: ")
                .hasMessageContaining("R__user_names.sql:2");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoHeadsFailTheSingleHeadCheck(Kind kind) {
        MigrationChecks checks = MigrationChecks.of(sound(kind)
                .script(C, A, "add tags", "CREATE TABLE tags (id BIGINT PRIMARY KEY);", "DROP TABLE tags;").migrate());

        assertThatThrownBy(checks::assertSingleHead).isInstanceOf(MigrationCheckFailure.class)
                .hasMessage("Single head check failed: the history has 2 heads (" + B + ", " + C + "), unmerged "
                        + "branches; merge them with 'db merge -m \"merge heads\"' (see 'db heads' and 'db history'), "
                        + "or allow several heads with allowMultipleHeads()");
        assertThatCode(checks.allowMultipleHeads()::assertSingleHead).doesNotThrowAnyException();
    }

    /** Downgrading one branch's revision must leave the other branch applied, or the schemas would differ. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void theStairwayClimbsTwoBranchesOneRevisionAtATime(Kind kind) {
        MigrationChecks checks = MigrationChecks.of(sound(kind)
                .script(C, A, "add tags", "CREATE TABLE tags (" + id(kind) + ");", "DROP TABLE tags;").migrate());

        assertThatCode(checks::assertStairway).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRevisionWithoutDowngradeFailsTheScriptCheckUnlessAllowed(Kind kind) {
        MigrationChecks checks = MigrationChecks.of(sound(kind)
                .script(C, B, "add tags", "CREATE TABLE tags (id BIGINT PRIMARY KEY);", null).migrate());

        assertThatThrownBy(checks::assertScriptsValid).isInstanceOf(MigrationCheckFailure.class)
                .hasMessageStartingWith("Script check failed: revision " + C + " (")
                .hasMessageEndingWith("has no '-- migrate:downgrade' section; add one (empty when there is nothing "
                        + "to undo) or allow it with allowNoDowngrade(\"" + C + "\")");
        assertThatCode(checks.allowNoDowngrade(C)::assertScriptsValid).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aBodyThatDoesNotSplitFailsTheScriptCheck(Kind kind) {
        MigrationChecks checks = MigrationChecks.of(sound(kind)
                .script(C, B, "seed", "INSERT INTO users (name) VALUES ('never closed);", "DELETE FROM users;").migrate());

        assertThatThrownBy(checks::assertScriptsValid).isInstanceOf(MigrationCheckFailure.class)
                .hasMessageStartingWith("Script check failed: revision " + C + " does not parse: ")
                .hasMessageContaining(C + ".sql");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRevisionIdUsedTwiceFailsTheChecksThatReadScripts(Kind kind) {
        MigrationChecks checks = MigrationChecks.of(sound(kind)
                .script("copy_of_b.sql", B, A, "add orders again", "SELECT 1;", "SELECT 1;").migrate());

        String message = "Migration scripts do not load: " + tmp.resolve("migrations/copy_of_b.sql") + ":3: revision id "
                + B + " is already used by " + tmp.resolve("migrations/" + B + ".sql")
                + "; give one of them a new Revision ID; 'db heads' shows the same";
        assertThatThrownBy(checks::assertScriptsValid).isInstanceOf(MigrationCheckFailure.class).hasMessage(message);
        assertThatThrownBy(checks::assertSingleHead).isInstanceOf(MigrationCheckFailure.class).hasMessage(message);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDowngradeThatForgetsATableFailsTheStairway(Kind kind) {
        MigrationChecks checks = MigrationChecks.of(sound(kind)
                .script(C, B, "add tags", "CREATE TABLE tags (id BIGINT PRIMARY KEY);", "").migrate());

        assertThatThrownBy(checks::assertStairway).isInstanceOf(MigrationCheckFailure.class)
                .hasMessage("Stairway check failed at revision " + C + ": after 'db downgrade " + C + "@-1' the schema "
                        + "differs from before 'db upgrade " + C + "': table tags is extra; the downgrade section does "
                        + "not undo the upgrade; reproduce on an empty database with 'db upgrade " + C + "' && "
                        + "'db downgrade " + C + "@-1'");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDowngradeThatFailsFailsTheStairwayNamingItsRevision(Kind kind) {
        MigrationChecks checks = MigrationChecks.of(sound(kind)
                .script(C, B, "add tags", "CREATE TABLE tags (" + id(kind) + ");", "DROP TABLE no_such_table;").migrate());

        assertThatThrownBy(checks::assertStairway).isInstanceOf(MigrationCheckFailure.class)
                .hasMessageStartingWith("Stairway check failed at revision " + C + ": its downgrade failed: ")
                .hasMessageContaining("no_such_table")
                .hasMessageEndingWith("; reproduce on an empty database with 'db upgrade " + C + "' && 'db downgrade "
                        + C + "@-1'");
    }

    private static final SqlWork SEED = connection -> connection.createStatement()
            .executeUpdate("INSERT INTO users (id, name) VALUES (1, 'ada')");

    private static final SqlWork VERIFY = connection -> {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM users WHERE id = 1")) {
            if (!rows.next()) {
                throw new AssertionError("user 1 is gone");
            }
        }
    };

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rowsSurviveASoundHistory(Kind kind) {
        MigrationChecks checks = MigrationChecks.of(sound(kind).migrate());

        assertThatCode(() -> checks.assertDataSurvives(A, SEED, VERIFY)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRevisionThatRecreatesATableFailsTheDataCheck(Kind kind) {
        MigrationChecks checks = MigrationChecks.of(sound(kind).script(C, B, "recreate users",
                "DROP TABLE users;\nCREATE TABLE users (" + id(kind) + ", name VARCHAR(50));", "").migrate());

        assertThatThrownBy(() -> checks.assertDataSurvives(A, SEED, VERIFY)).isInstanceOf(MigrationCheckFailure.class)
                .hasMessage("Data check failed: rows written at revision " + A + " do not survive 'db upgrade heads': "
                        + "user 1 is gone; reproduce with 'db upgrade " + A + "', the seed rows, 'db upgrade heads', "
                        + "and 'db history -r " + A + ":heads' for the revisions that may lose them");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aModelColumnNoScriptAddsFailsModelsMatchMigrations(Kind kind) {
        MigrationChecks checks = MigrationChecks.of(sound(kind).migrate(ModelSource.annotated(UsersWithEmail.class, Orders.class)));

        assertThatThrownBy(checks::assertModelsMatchMigrations).isInstanceOf(MigrationCheckFailure.class)
                .hasMessageStartingWith("Models do not match migrations: after 'db upgrade heads', 'db check' finds ")
                .hasMessageContaining("'users.email'")
                .hasMessageEndingWith("; write the missing revision with 'db migrate -m \"...\"', review it, and "
                        + "run 'db check' again");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aBranchLabelUsedTwiceFailsTheChecksThatReadScripts(Kind kind) {
        Fixture fixture = new Fixture(kind, tmp)
                .labelledScript(A, "", "shop", "create users", "CREATE TABLE users (" + id(kind) + ");", "DROP TABLE users;")
                .labelledScript(B, A, "shop", "add orders", "CREATE TABLE orders (" + id(kind) + ");", "DROP TABLE orders;");
        MigrationChecks checks = MigrationChecks.of(fixture.migrate());

        String message = "Migration scripts do not load: Branch name 'shop' in revision " + B + " already used by "
                + "revision " + A + "; choose another branch label; 'db heads' shows the same";
        assertThatThrownBy(checks::assertScriptsValid).isInstanceOf(MigrationCheckFailure.class).hasMessage(message);
        assertThatThrownBy(checks::assertSingleHead).isInstanceOf(MigrationCheckFailure.class).hasMessage(message);
    }

    /** The seeded rows read at revision A after every later revision went up and came down again. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void rowsSurviveTheDowngradesOfASoundHistory(Kind kind) {
        MigrationChecks checks = MigrationChecks.of(sound(kind).script(C, B, "add email",
                "ALTER TABLE users ADD COLUMN email VARCHAR(100);", "ALTER TABLE users DROP COLUMN email;").migrate());

        assertThatCode(() -> checks.assertDataSurvivesDowngrade(A, SEED, VERIFY)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDowngradeThatRecreatesATableFailsTheDowngradeDataCheck(Kind kind) {
        MigrationChecks checks = MigrationChecks.of(sound(kind).script(C, B, "add email",
                "ALTER TABLE users ADD COLUMN email VARCHAR(100);",
                "DROP TABLE users;\nCREATE TABLE users (" + id(kind) + ", name VARCHAR(50));").migrate());

        assertThatThrownBy(() -> checks.assertDataSurvivesDowngrade(A, SEED, VERIFY))
                .isInstanceOf(MigrationCheckFailure.class)
                .hasMessage("Data check failed: rows written at revision " + A + " do not survive 'db upgrade heads' "
                        + "and 'db downgrade " + A + "': user 1 is gone; the downgrades of " + B + ", " + C + " lose "
                        + "them (unless the upgrades did: see assertDataSurvives); reproduce with 'db upgrade " + A
                        + "', the seed rows, 'db upgrade heads', 'db downgrade " + A + "', and 'db downgrade --sql "
                        + "heads:" + A + "' for the statements that ran");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theOfflineSqlOfASoundHistoryGivesTheOnlineSchema(Kind kind) {
        Migrate migrate = sound(kind).script(C, B, "add email and an index",
                "ALTER TABLE users ADD COLUMN email VARCHAR(100);\nCREATE INDEX ix_users_email ON users (email);",
                "DROP INDEX ix_users_email;\nALTER TABLE users DROP COLUMN email;").migrate();
        migrate.upgrade("heads");

        assertThatCode(MigrationChecks.of(migrate)::assertOfflineMatchesOnline).doesNotThrowAnyException();
        assertThat(migrate.current(false).lines()).containsExactly(C + " (head)");
    }

    /** sqlite3 ends a statement at a line holding only '/' (as Oracle's tools do); JDBC reads one statement. */
    @org.junit.jupiter.api.Test
    void aStatementTheSqliteShellReadsOtherwiseFailsTheOfflineCheckNamingItsRevision() {
        MigrationChecks checks = MigrationChecks.of(sound(Kind.SQLITE).script(C, B, "add ratios",
                "CREATE TABLE ratios (a INTEGER, b INTEGER, r REAL GENERATED ALWAYS AS (a\n/\nb));",
                "DROP TABLE ratios;").migrate());

        assertThatThrownBy(checks::assertOfflineMatchesOnline).isInstanceOf(MigrationCheckFailure.class)
                .hasMessageStartingWith("Offline check failed at revision " + C + ": sqlite3 stopped on the offline "
                        + "SQL of 'db upgrade --sql' (kept in ")
                .hasMessageContaining("), which 'db upgrade' runs online: Parse error near line ")
                .hasMessageEndingWith("; reproduce on an empty database with 'db upgrade --sql > upgrade.sql' && "
                        + "'sqlite3 -bail " + tmp.resolve("test.db") + " < upgrade.sql'");
    }

    /** A statement that depends on the session: the table's name comes from the client's application_name. */
    @org.junit.jupiter.api.Test
    void aStatementThatDependsOnTheClientFailsTheOfflineCheckNamingTheTables() {
        String create = "DO $$ BEGIN EXECUTE format('CREATE TABLE %I (id BIGINT)', 'made_by_' || "
                + "lower(split_part(current_setting('application_name'), ' ', 1))); END $$;";
        MigrationChecks checks = MigrationChecks.of(sound(Kind.POSTGRESQL).script(C, B, "a table named by the client",
                create, "DROP TABLE IF EXISTS made_by_postgresql, made_by_psql;").migrate());

        assertThatThrownBy(checks::assertOfflineMatchesOnline).isInstanceOf(MigrationCheckFailure.class)
                .hasMessageStartingWith("Offline check failed: the offline SQL of the whole history (kept in ")
                .hasMessageContaining("), run with psql, gives another schema than 'db upgrade heads': table "
                        + "made_by_postgresql is missing; table made_by_psql is extra; reproduce with 'db upgrade --sql "
                        + "> upgrade.sql' && 'psql -v ON_ERROR_STOP=1 -U postgres -d postgresql://127.0.0.1:")
                .hasMessageEndingWith(" -f upgrade.sql' on one empty database, 'db upgrade heads' on another, and "
                        + "compare them");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMissingClientFailsTheOfflineCheckSayingWhatToInstallOrSet(Kind kind) {
        Migrate migrate = sound(kind).migrate();
        migrate.upgrade(A);
        String program = kind == Kind.SQLITE ? "sqlite3" : "psql";
        Path nowhere = tmp.resolve("bin/" + program);

        assertThatThrownBy(MigrationChecks.of(migrate).databaseClient(nowhere)::assertOfflineMatchesOnline)
                .isInstanceOf(MigrationCheckFailure.class)
                .hasMessage("Offline check: the database client " + nowhere + " given to databaseClient(...) is not an "
                        + "executable file; give the path of " + program + " ("
                        + (kind == Kind.SQLITE ? "the SQLite shell" : "the PostgreSQL client") + ")");
        assertThat(migrate.current(false).lines()).as("the check stops before it changes the database")
                .containsExactly(A);
        assertThatThrownBy(() -> DatabaseClient.forDialect(kind.name().toLowerCase()).locate(null, tmp.toString()))
                .isInstanceOf(MigrationCheckFailure.class)
                .hasMessageStartingWith("Offline check needs " + program + " (")
                .hasMessageEndingWith(") to run the offline SQL, and it is not on PATH (" + tmp + "); install it ("
                        + "Debian/Ubuntu: apt-get install " + (kind == Kind.SQLITE ? "sqlite3" : "postgresql-client")
                        + ") or tell the kit where it is with databaseClient(Path.of(\"/path/to/" + program + "\"))");
    }
}
