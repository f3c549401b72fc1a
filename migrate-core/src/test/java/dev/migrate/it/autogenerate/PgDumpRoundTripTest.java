package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Index;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.command.CheckResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.TestDatabase;
import dev.migrate.testsupport.PostgresServer;
import dev.migrate.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema in the shape {@code pg_dump --schema-only} writes (serial columns and their owned sequences, defaults
 * with casts, GiST/GIN, partial, expression, INCLUDE, DESC and operator-class indexes, views over views, a
 * materialized view, rules, a trigger, a policy, table and column comments), loaded with psql, then
 * {@code db migrate} with models that own none of it: the upgrade drops every table with its dependents, each named
 * in a {@code -- WARNING}, and after upgrade and downgrade {@code pg_dump --schema-only} gives back the same text,
 * except for the objects that a warning says are not kept.
 */
@PostgresTest
class PgDumpRoundTripTest {

    /** The application's one model: owns none of the dumped tables. */
    @dev.migrate.schema.annotation.Table(name = "notes")
    static class Note {
        @dev.migrate.schema.annotation.Id
        Integer id;
        String body;
    }

    /** A model of a serial-keyed table with a cast default: matches what the database holds. */
    @dev.migrate.schema.annotation.Table(name = "gadget")
    static class Gadget {
        @dev.migrate.schema.annotation.Id
        Integer id;
        @dev.migrate.schema.annotation.Column(nullable = false, serverDefault = "'new'")
        String status;
    }

    @TempDir
    Path tmp;

    @Test
    void serialColumnsAndCastDefaultsMatchTheirModelsAndADroppedSerialColumnComesBack() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        db.execute("CREATE TABLE gadget (id serial PRIMARY KEY, status varchar NOT NULL DEFAULT 'new'::character varying, "
                + "legacy_no bigserial, added_on date NOT NULL DEFAULT ('now'::text)::date)");
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(Gadget.class);
        engine.upgrade("heads");
        assertThat(engine.check().differences()).containsExactly("Detected removed column 'gadget.legacy_no'",
                "Detected removed column 'gadget.added_on'");
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("drop two"), RenameDecider.NEVER);
        String script = Journey.read(result.script().path());
        // the downgrade adds the date column back with its default as it was, not a date fixed when it runs
        assertThat(script).contains("ADD COLUMN added_on date NOT NULL DEFAULT ('now'::text)::date");
        engine.upgrade("head");
        engine.downgrade("-1");
        assertThat(db.queryStrings("SELECT column_default FROM information_schema.columns WHERE table_name = 'gadget' "
                + "AND column_name = 'added_on'")).containsExactly("('now'::text)::date");
        // the serial column's sequence went with it: it comes back generated (as an identity)
        assertThat(db.queryStrings("SELECT is_identity FROM information_schema.columns WHERE table_name = 'gadget' "
                + "AND column_name = 'legacy_no'")).containsExactly("YES");
    }

    static List<String> pgDump(TestDatabase.Postgres db) throws Exception {
        PostgresServer server = db.server();
        Path out = Files.createTempFile("pg_dump", ".sql");
        ProcessBuilder builder = new ProcessBuilder(server.binDir().resolve("pg_dump").toString(), "--schema-only",
                "--no-owner", "-h", server.host(), "-p", Integer.toString(server.port()), "-U", server.user(),
                "-T", "public.alembic_version", "-T", "public.migrate_log", "-T", "public.notes", db.database())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        if (server.password() != null) {
            builder.environment().put("PGPASSWORD", server.password());
        }
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        assertThat(process.exitValue()).as(text).isZero();
        // the restrict and unrestrict meta-commands carry a random key per run (pg_dump 15.14 and later)
        return text.lines().filter(line -> !line.isBlank() && !line.startsWith("\\restrict")
                && !line.startsWith("\\unrestrict")).toList();
    }

    /** pg_dump's objects: each "-- Name: ...; Type: ...; Schema: ..." header with the statements under it. */
    private static Map<String, String> blocks(List<String> dump) {
        Map<String, String> blocks = new LinkedHashMap<>();
        String header = "(preamble)";
        StringBuilder body = new StringBuilder();
        for (String line : dump) {
            if (line.startsWith("-- Name: ")) {
                blocks.merge(header, body.toString(), String::concat);
                header = line.substring(3, line.indexOf("; Owner:") < 0 ? line.length() : line.indexOf("; Owner:"));
                body = new StringBuilder();
            } else if (!line.equals("--")) {
                body.append(line).append('\n');
            }
        }
        blocks.merge(header, body.toString(), String::concat);
        return blocks;
    }

    private static java.util.stream.Stream<String> words(String text) {
        return Pattern.compile("[A-Za-z_0-9]+").matcher(text).results().map(MatchResult::group);
    }

    @Test
    void theDumpedTablesDescribedByModelsCheckClean() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        assertThat(db.runScriptWithCli(SqliteDumpRoundTripTest.resource("film-postgresql.sql"))).isEmpty();
        ColumnType varchar45 = ColumnType.varchar(45);
        ColumnType timestamp = ColumnType.of(GenericType.TIMESTAMP);
        Schema models = Schema.of(List.of(
                filmColumns(Table.builder("film"), "Per day, in dollars").comment("A film in the catalogue").primaryKey("film_pkey", "film_id")
                        .index(new Index("film_fulltext_idx", List.of("fulltext"), false, null, "gist", null, List.of()))
                        .index(new Index("idx_recent_title", List.of("release_year"), false, null, null,
                                "release_year > 2000", List.of("title")))
                        .index(new Index("idx_tags", List.of("tags"), false, null, "gin", null, List.of()))
                        .build(),
                // inherits film's columns (and the default of film_id), not its keys, indexes nor comments
                filmColumns(Table.builder("archived_film"), null)
                        .column(Column.of("archived_on", ColumnType.of(GenericType.DATE)).notNull()
                                .withServerDefault("CURRENT_DATE"))
                        .build(),
                // partitioned: its partition is not a table of its own for autogenerate
                Table.builder("payment")
                        .column(Column.of("payment_id", ColumnType.of(GenericType.INTEGER)).notNull())
                        .column(Column.of("film_id", ColumnType.of(GenericType.INTEGER)).notNull())
                        .column(Column.of("amount", ColumnType.decimal(5, 2)).notNull())
                        .column(Column.of("payment_date", timestamp).notNull())
                        .primaryKey("payment_pkey", "payment_id", "payment_date")
                        .foreignKey(new ForeignKey("payment_film_id_fkey", List.of("film_id"), "film",
                                List.of("film_id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION))
                        .build(),
                Table.builder("actor")
                        .column(new Column("actor_id", ColumnType.of(GenericType.INTEGER), false, null, true))
                        .column(Column.of("first_name", varchar45).notNull())
                        .column(Column.of("last_name", varchar45).notNull())
                        .column(Column.of("last_update", timestamp).notNull().withServerDefault("now()"))
                        .primaryKey("actor_pkey", "actor_id")
                        .index(new Index("idx_actor_name", List.of("lower((last_name)::text)", "first_name"), true))
                        .build(),
                Table.builder("film_actor")
                        .column(Column.of("actor_id", ColumnType.of(GenericType.INTEGER)).notNull())
                        .column(Column.of("film_id", ColumnType.of(GenericType.INTEGER)).notNull())
                        .column(Column.of("last_update", timestamp).notNull().withServerDefault("now()"))
                        .primaryKey("film_actor_pkey", "actor_id", "film_id")
                        .foreignKey(new ForeignKey("film_actor_actor_id_fkey", List.of("actor_id"), "actor",
                                List.of("actor_id"), ReferentialAction.RESTRICT, ReferentialAction.CASCADE))
                        .foreignKey(new ForeignKey("film_actor_film_id_fkey", List.of("film_id"), "film",
                                List.of("film_id"), ReferentialAction.RESTRICT, ReferentialAction.CASCADE))
                        .build(),
                Table.builder("language").comment("Spoken languages")
                        .column(new Column("language_id", ColumnType.of(GenericType.INTEGER), false, null, true))
                        .column(Column.of("name", new ColumnType(GenericType.CHAR, 20, null, null, null)).notNull()
                                .withComment("The language's name, as it calls itself"))
                        .primaryKey("language_pkey", "language_id")
                        .build()));
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(ModelSource.of(models));
        engine.upgrade("heads");
        assertThat(engine.check().differences()).isEmpty();
    }

    /** film's columns, as film has them and archived_film inherits them (without their comments). */
    private static dev.migrate.schema.TableBuilder filmColumns(dev.migrate.schema.TableBuilder table,
                                                               String rateComment) {
        return table.column(new Column("film_id", ColumnType.of(GenericType.INTEGER), false, null, true))
                .column(Column.of("title", ColumnType.varchar(255)).notNull())
                .column(Column.of("description", ColumnType.of(GenericType.TEXT)))
                .column(Column.of("release_year", ColumnType.of(GenericType.INTEGER)))
                .column(Column.of("rental_rate", ColumnType.decimal(4, 2)).notNull().withServerDefault("4.99")
                        .withComment(rateComment))
                .column(Column.of("rating", ColumnType.varchar(10)).withServerDefault("'G'"))
                .column(Column.of("added_on", ColumnType.of(GenericType.DATE)).notNull()
                        .withServerDefault("('now'::text)::date"))
                .column(Column.of("tags", ColumnType.other("text[]")).notNull().withServerDefault("'{}'::text[]"))
                .column(Column.of("fulltext", ColumnType.other("tsvector")))
                .column(Column.of("updated_at", ColumnType.of(GenericType.TIMESTAMP_WITH_TIME_ZONE)));
    }

    @Test
    void aDumpedSchemaNoModelOwnsIsDroppedWithItsDependentsAndComesBack() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        assertThat(db.runScriptWithCli(SqliteDumpRoundTripTest.resource("film-postgresql.sql"))).isEmpty();
        List<String> before = pgDump(db);
        assertThat(before).contains("CREATE INDEX film_fulltext_idx ON public.film USING gist (fulltext);");

        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(Note.class);
        engine.upgrade("heads"); // the engine's own tables
        CheckResult check = engine.check();
        assertThat(check.warnings()).anyMatch(warning -> warning.startsWith("actor: dropping the table drops its "
                + "policy actor_visible, which the downgrade does not create again"));
        assertThat(check.lines()).contains("WARNING: film: dropping the table drops its materialized view "
                + "rating_counts (it reads the table; the downgrade creates it again)");
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("models own none of it"),
                RenameDecider.NEVER);
        String script = Journey.read(result.script().path());
        for (String dependent : List.of("view film_list", "view recent_film_list", "materialized view rating_counts",
                "trigger film_touch", "rule film_no_delete", "rule film_list_insert", "sequence film_film_id_seq",
                "sequence actor_actor_id_seq")) {
            assertThat(script).containsPattern("-- WARNING: [a-z_]+: dropping the table drops its " + dependent + " ");
        }
        List<String> notKept = List.of("policy actor_visible", "row level security", "comment on index idx_tags");
        for (String lost : notKept) {
            assertThat(script).contains("drops its " + lost + ", which the downgrade does not create again");
            assertThat(result.lines()).anyMatch(line -> line.startsWith("WARNING: ") && line.contains(lost));
        }

        engine.upgrade("head");
        assertThat(pgDump(db)).noneMatch(line -> line.contains("public.film") || line.contains("public.actor"));
        engine.downgrade("-1");
        List<String> after = pgDump(db);

        // Object by object (pg_dump's "-- Name: ...; Type: ..." blocks): the same, except the objects on which a
        // warning says something is not kept (inheritance, partitions, the policy, row level security).
        Map<String, String> was = blocks(before);
        Map<String, String> is = blocks(after);
        Set<String> notKeptNames = new HashSet<>();
        Matcher named = Pattern.compile("-- WARNING: ([a-z_0-9]+): dropping the table drops its (?:[a-z ]+ )?([a-z_0-9]+)?"
                + "(?: \\([^)]*\\))?, which the downgrade does not create again").matcher(script);
        while (named.find()) {
            notKeptNames.add(named.group(1));
            if (named.group(2) != null) {
                notKeptNames.add(named.group(2));
            }
        }
        assertThat(notKeptNames).contains("film", "archived_film", "payment", "payment_p2022", "actor", "actor_visible",
                "film_actor");
        assertThat(script).containsPattern("film_actor: dropping the table drops its grants \\([^)]*=r/[^)]*\\), which");
        Set<String> headers = new TreeSet<>(was.keySet());
        headers.addAll(is.keySet());
        List<String> differing = headers.stream().filter(header -> !Objects.equals(was.get(header), is.get(header)))
                .toList();
        assertThat(differing).isNotEmpty().allSatisfy(header -> assertThat(header.contains("Type: INDEX ATTACH")
                || words(header + " " + was.getOrDefault(header, "") + is.getOrDefault(header, ""))
                        .anyMatch(notKeptNames::contains))
                .as("%s differs and no warning names it as not kept:%n%s%nnow:%n%s", header, was.get(header),
                        is.get(header)).isTrue());
        // the views, indexes, sequences, rules, triggers and comments all came back as they were
        for (String kept : List.of("Name: film_list; Type: VIEW", "Name: rating_counts; Type: MATERIALIZED VIEW",
                "Name: film_fulltext_idx; Type: INDEX", "Name: idx_recent_title; Type: INDEX",
                "Name: idx_actor_name; Type: INDEX", "Name: film_film_id_seq; Type: SEQUENCE",
                "Name: film film_no_delete; Type: RULE", "Name: film_list film_list_insert; Type: RULE",
                "Name: film film_touch; Type: TRIGGER", "Name: language; Type: TABLE",
                "Name: language_language_id_seq; Type: SEQUENCE", "Name: TABLE film; Type: COMMENT",
                "Name: COLUMN film.rental_rate; Type: COMMENT", "Name: TABLE language; Type: COMMENT",
                "Name: COLUMN language.name; Type: COMMENT")) {
            assertThat(headers).anyMatch(header -> header.startsWith(kept));
            assertThat(differing).noneMatch(header -> header.startsWith(kept));
        }
    }
}
