package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.ObjectKind;
import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateSettings;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL enum types and domains, loaded in the shape {@code pg_dump --schema-only} writes them: dropped with the
 * last table or column that uses them and created again first by the downgrade; declared by a programmatic model,
 * created, and given new labels with {@code ALTER TYPE ... ADD VALUE}; a removed label is a {@code -- WARNING}, never
 * silently nothing. Domains likewise go with their last user and come back from their own definitions.
 */
@PostgresTest
class EnumTypesAndDomainsTest {

    @TempDir
    Path tmp;

    private static TestDatabase.Postgres loadDump() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        assertThat(db.runScriptWithCli("""
                CREATE TYPE public.mpaa_rating AS ENUM (
                    'G',
                    'PG',
                    'PG-13',
                    'R',
                    'NC-17'
                );
                CREATE TABLE public.rated (
                    id integer NOT NULL,
                    rating public.mpaa_rating DEFAULT 'G'::public.mpaa_rating NOT NULL,
                    ratings public.mpaa_rating[]
                );
                ALTER TABLE ONLY public.rated
                    ADD CONSTRAINT rated_pkey PRIMARY KEY (id);
                """)).isEmpty();
        return db;
    }

    @Test
    void anEnumTypeGoesWithItsLastTableAndTheDowngradeCreatesItFirst() throws Exception {
        TestDatabase.Postgres db = loadDump();
        List<String> before = PgDumpRoundTripTest.pgDump(db);
        assertThat(before).contains("CREATE TYPE public.mpaa_rating AS ENUM (");
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(PgDumpRoundTripTest.Note.class);
        engine.upgrade("heads");
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("models own none of it"),
                RenameDecider.NEVER);
        String script = Journey.read(result.script().path());
        String upgrade = script.substring(0, script.indexOf("migrate:downgrade"));
        String downgrade = script.substring(script.indexOf("migrate:downgrade"));
        assertThat(upgrade.indexOf("DROP TYPE mpaa_rating;")).isGreaterThan(upgrade.indexOf("DROP TABLE rated"));
        assertThat(downgrade).contains("CREATE TYPE mpaa_rating AS ENUM ('G', 'PG', 'PG-13', 'R', 'NC-17');");
        assertThat(downgrade.indexOf("CREATE TYPE mpaa_rating")).isLessThan(downgrade.indexOf("CREATE TABLE rated"));

        engine.upgrade("head");
        assertThat(db.queryStrings("SELECT typname FROM pg_type WHERE typname = 'mpaa_rating'")).isEmpty();
        engine.downgrade("-1");
        assertThat(PgDumpRoundTripTest.pgDump(db)).isEqualTo(before);
    }

    @Test
    void aDomainGoesWithItsLastTableAndComesBackFromItsOwnDefinition() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        assertThat(db.runScriptWithCli("""
                CREATE TYPE public.mpaa_rating AS ENUM (
                    'G',
                    'PG'
                );
                CREATE DOMAIN public.year AS integer DEFAULT 2000 NOT NULL
                	CONSTRAINT year_check CHECK (((VALUE >= 1901) AND (VALUE <= 2155)));
                CREATE DOMAIN public.rating AS public.mpaa_rating
                	CONSTRAINT rating_not_pg CHECK ((VALUE <> 'PG'::public.mpaa_rating));
                CREATE DOMAIN public.kept AS text;
                CREATE TABLE public.film (
                    film_id integer NOT NULL,
                    release_year public.year,
                    rating public.rating
                );
                CREATE TABLE public.other (
                    note public.kept
                );
                """)).isEmpty();
        List<String> before = PgDumpRoundTripTest.pgDump(db);
        Journey journey = new Journey(db, tmp);
        Table other = Table.builder("other").column(Column.of("note", ColumnType.other("kept"))).build();
        Migrate engine = journey.engine(ModelSource.of(Schema.of(List.of(other))));
        engine.upgrade("heads");
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("no films"), RenameDecider.NEVER);
        String script = Journey.read(result.script().path());
        String upgrade = script.substring(0, script.indexOf("migrate:downgrade"));
        String downgrade = script.substring(script.indexOf("migrate:downgrade"));
        assertThat(upgrade).doesNotContain("DROP DOMAIN kept");
        assertThat(upgrade.indexOf("DROP DOMAIN year;")).isGreaterThan(upgrade.indexOf("DROP TABLE film"));
        assertThat(upgrade.indexOf("DROP TYPE mpaa_rating;")).isGreaterThan(upgrade.indexOf("DROP DOMAIN rating;"));
        assertThat(upgrade.indexOf("DROP DOMAIN rating;")).isGreaterThan(upgrade.indexOf("DROP TABLE film"));
        assertThat(downgrade.indexOf("CREATE DOMAIN rating AS mpaa_rating"))
                .isGreaterThan(downgrade.indexOf("CREATE TYPE mpaa_rating"))
                .isLessThan(downgrade.indexOf("CREATE TABLE film"));
        engine.upgrade("head");
        assertThat(db.queryStrings("SELECT typname FROM pg_type WHERE typname IN ('year', 'rating', 'mpaa_rating', "
                + "'kept')")).containsExactly("kept");
        engine.downgrade("-1");
        assertThat(PgDumpRoundTripTest.pgDump(db)).isEqualTo(before);
    }

    @Test
    void anIncludeObjectHookThatLeavesEnumTypesOutKeepsThem() throws Exception {
        TestDatabase.Postgres db = loadDump();
        Journey journey = new Journey(db, tmp);
        List<String> asked = new java.util.ArrayList<>();
        journey.settings = new AutogenerateSettings((kind, name, object, reflected, comparedTo) -> {
            if (kind == ObjectKind.ENUM_TYPE) {
                asked.add(name + (reflected ? " (reflected)" : ""));
                return false;
            }
            return true;
        }, false);
        Migrate engine = journey.engine(PgDumpRoundTripTest.Note.class);
        engine.upgrade("heads");
        assertThat(engine.check().differences()).containsExactly("Detected added table 'notes'",
                "Detected removed table 'rated'");
        assertThat(asked).contains("mpaa_rating (reflected)");
    }

    @Test
    void anEnumTypeGoesWithTheLastColumnOfItAndComesBackBeforeIt() throws Exception {
        TestDatabase.Postgres db = loadDump();
        db.execute("CREATE TYPE unused AS ENUM ('a')"); // nothing in the upgrade uses it: left alone
        List<String> before = PgDumpRoundTripTest.pgDump(db);
        Table rated = Table.builder("rated").column(Column.of("id", ColumnType.of(GenericType.INTEGER)).notNull())
                .primaryKey("rated_pkey", "id").build();
        Migrate engine = new Journey(db, tmp).engine(ModelSource.of(Schema.of(List.of(rated))));
        engine.upgrade("heads");
        assertThat(engine.check().differences()).containsExactly("Detected removed column 'rated.rating'",
                "Detected removed column 'rated.ratings'", "Detected removed enum type 'mpaa_rating' (its last user is "
                        + "dropped; the downgrade creates it again first)");
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("no ratings"), RenameDecider.NEVER);
        String script = Journey.read(result.script().path());
        String upgrade = script.substring(0, script.indexOf("migrate:downgrade"));
        String downgrade = script.substring(script.indexOf("migrate:downgrade"));
        assertThat(upgrade.indexOf("DROP TYPE mpaa_rating;")).isGreaterThan(upgrade.indexOf("DROP COLUMN ratings"));
        assertThat(downgrade.indexOf("CREATE TYPE mpaa_rating")).isLessThan(downgrade.indexOf("ADD COLUMN rating"))
                .isNotNegative();
        assertThat(script).doesNotContain("unused");
        engine.upgrade("head");
        assertThat(db.queryStrings("SELECT typname FROM pg_type WHERE typname IN ('mpaa_rating', 'unused')"))
                .containsExactly("unused");
        engine.downgrade("-1");
        // the two columns back in their order (DroppedColumnsOrderTest)
        assertThat(PgDumpRoundTripTest.pgDump(db)).isEqualTo(before);
    }

    @Test
    void aModelDeclaringTheTypeWithOneMoreLabelAddsExactlyThatValue() throws Exception {
        TestDatabase.Postgres db = loadDump();
        db.execute("CREATE TYPE size AS ENUM ('S', 'M', 'L')");
        Table rated = Table.builder("rated").column(Column.of("id", ColumnType.of(GenericType.INTEGER)).notNull())
                .column(Column.of("rating", ColumnType.other("mpaa_rating")).notNull()
                        .withServerDefault("'G'"))
                .column(Column.of("ratings", ColumnType.other("mpaa_rating[]")))
                .primaryKey("rated_pkey", "id").build();
        Table feelings = Table.builder("feelings").column(Column.of("id", ColumnType.of(GenericType.INTEGER)).notNull())
                .column(Column.of("mood", ColumnType.other("mood"))).primaryKey("feelings_pkey", "id").build();
        Schema models = Schema.of(List.of(rated, feelings)).withEnumTypes(List.of(
                new Schema.EnumType("mpaa_rating", List.of("G", "PG", "PG-13", "R", "NC-17", "X")),
                new Schema.EnumType("size", List.of("S", "L")),
                new Schema.EnumType("mood", List.of("sad", "happy"))));
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(ModelSource.of(models));
        engine.upgrade("heads");
        assertThat(engine.check().differences()).containsExactly(
                "Detected added enum type 'mood' [sad, happy]",
                "Detected added value 'X' of enum type 'mpaa_rating'",
                "Detected changed enum type 'size': labels removed or reordered [S, M, L] to [S, L] (not generated: "
                        + "needs a hand-written rebuild of the type)",
                "Detected added table 'feelings'");
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("one more rating"),
                RenameDecider.NEVER);
        String script = Journey.read(result.script().path());
        String upgrade = script.substring(0, script.indexOf("migrate:downgrade"));
        assertThat(upgrade).contains("ALTER TYPE mpaa_rating ADD VALUE 'X' AFTER 'NC-17';")
                .contains("CREATE TYPE mood AS ENUM ('sad', 'happy');")
                .contains("-- WARNING: a value added by ALTER TYPE ... ADD VALUE cannot be used in the transaction")
                .contains("-- WARNING: enum type size has labels [S, M, L], the models say [S, L]")
                .doesNotContain("DROP TYPE mpaa_rating").doesNotContain("DROP TYPE size").doesNotContain("ALTER TABLE");
        // the type before the table that uses it; the downgrade drops the table, then the type
        assertThat(upgrade.indexOf("CREATE TYPE mood")).isLessThan(upgrade.indexOf("CREATE TABLE feelings"));
        String downgrade = script.substring(script.indexOf("migrate:downgrade"));
        assertThat(downgrade.indexOf("DROP TYPE mood;")).isGreaterThan(downgrade.indexOf("DROP TABLE feelings"));
        engine.upgrade("head");
        assertThat(db.queryStrings("SELECT enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
                + "WHERE t.typname = 'mpaa_rating' ORDER BY e.enumsortorder")).containsExactly("G", "PG", "PG-13",
                "R", "NC-17", "X");
        assertThat(engine.check().differences()).containsExactly("Detected changed enum type 'size': labels removed "
                + "or reordered [S, M, L] to [S, L] (not generated: needs a hand-written rebuild of the type)");
        engine.downgrade("-1");
        assertThat(db.queryStrings("SELECT typname FROM pg_type WHERE typname = 'mood'")).isEmpty();
    }
}
