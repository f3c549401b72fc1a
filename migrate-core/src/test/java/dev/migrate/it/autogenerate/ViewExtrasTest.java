package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
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
 * Views and materialized views that autogenerate drops and creates again (around an ALTER of the table they read, or
 * with a dropped table in the downgrade) come back with what the catalog keeps beside them: their comments and their
 * columns' comments, their grants, the materialized view's indexes and their comments; and the comments of the
 * triggers and rules that go with them. pg_dump (which writes comments and grants) sees the same schema after the
 * downgrade as before the upgrade.
 */
@PostgresTest
class ViewExtrasTest {

    private static final String SCHEMA = """
            CREATE TABLE public.items (
                id integer NOT NULL,
                name character varying(80)
            );
            ALTER TABLE ONLY public.items ADD CONSTRAINT items_pkey PRIMARY KEY (id);
            CREATE TABLE public.item_log (
                name character varying(80)
            );
            CREATE FUNCTION public.items_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER items_name_changed BEFORE UPDATE OF name ON public.items FOR EACH ROW
                EXECUTE FUNCTION public.items_touch();
            COMMENT ON TRIGGER items_name_changed ON public.items IS 'keeps names tidy';
            CREATE VIEW public.item_names AS SELECT id, name FROM public.items;
            COMMENT ON VIEW public.item_names IS 'the names, for the catalogue';
            COMMENT ON COLUMN public.item_names.name IS 'as shown';
            GRANT SELECT ON public.item_names TO PUBLIC;
            CREATE RULE item_names_insert AS ON INSERT TO public.item_names DO INSTEAD
                INSERT INTO public.items (id, name) VALUES (new.id, new.name);
            COMMENT ON RULE item_names_insert ON public.item_names IS 'inserts go to items';
            CREATE MATERIALIZED VIEW public.item_counts AS SELECT name, count(*) AS n FROM public.items GROUP BY name;
            COMMENT ON MATERIALIZED VIEW public.item_counts IS 'counted nightly';
            CREATE UNIQUE INDEX item_counts_name ON public.item_counts USING btree (name);
            COMMENT ON INDEX public.item_counts_name IS 'for REFRESH CONCURRENTLY';
            GRANT SELECT ON public.item_counts TO PUBLIC;
            """;

    private static final Table LOG = Table.builder("item_log").column(Column.of("name", ColumnType.varchar(80))).build();

    @TempDir
    Path tmp;

    /** Models of both tables, items with longer names: the views over items go around the ALTER. */
    private static ModelSource widerNames() {
        Table items = Table.builder("items").column(Column.of("id", ColumnType.of(GenericType.INTEGER)).notNull())
                .column(Column.of("name", ColumnType.varchar(120))).primaryKey("items_pkey", "id").build();
        return ModelSource.of(Schema.of(List.of(items, LOG)));
    }

    @Test
    void viewsCreatedAgainAroundAnAlterKeepTheirCommentsGrantsAndIndexes() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        assertThat(db.runScriptWithCli(SCHEMA)).isEmpty();
        List<String> before = PgDumpRoundTripTest.pgDump(db);
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(widerNames());
        engine.upgrade("heads");
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("wider names"), RenameDecider.NEVER);

        engine.upgrade("head");
        assertThat(db.queryStrings("SELECT obj_description('item_names'::regclass, 'pg_class')"))
                .containsExactly("the names, for the catalogue");
        assertThat(db.queryStrings("SELECT obj_description('item_counts_name'::regclass, 'pg_class')"))
                .containsExactly("for REFRESH CONCURRENTLY");
        assertThat(db.queryStrings("SELECT has_table_privilege('public', 'item_counts', 'SELECT')::text"))
                .containsExactly("true");
        assertThat(engine.check().upToDate()).isTrue();

        engine.downgrade("-1");
        assertThat(PgDumpRoundTripTest.pgDump(db)).as(Journey.read(result.script().path())).isEqualTo(before);
    }

    @Test
    void viewsOfADroppedTableComeBackWithTheirCommentsGrantsAndIndexes() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        assertThat(db.runScriptWithCli(SCHEMA)).isEmpty();
        List<String> before = PgDumpRoundTripTest.pgDump(db);
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(ModelSource.of(Schema.of(List.of(LOG))));
        engine.upgrade("heads");
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("no items"), RenameDecider.NEVER);
        engine.upgrade("head");
        assertThat(db.queryStrings("SELECT count(*) FROM pg_class WHERE relname IN ('items', 'item_names', 'item_counts')")).containsExactly("0");

        engine.downgrade("-1");
        assertThat(PgDumpRoundTripTest.pgDump(db)).as(Journey.read(result.script().path())).isEqualTo(before);
    }

    @Test
    void whatReCreatingAViewCannotKeepIsNamedInTheScriptAndTheOutput() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        assertThat(db.runScriptWithCli(SCHEMA + """
                DO $$ BEGIN CREATE ROLE migrate_view_owner; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                ALTER VIEW public.item_names OWNER TO migrate_view_owner;
                """)).isEmpty();
        Migrate altering = new Journey(db, tmp.resolve("altered")).engine(widerNames());
        altering.upgrade("heads");
        AutogenerateResult altered = altering.migrate(RevisionRequest.withMessage("wider"), RenameDecider.NEVER);
        assertThat(Journey.read(altered.script().path())).contains("-- WARNING: view item_names is dropped and created"
                + " again around the change, which does not keep its owner migrate_view_owner");
        assertThat(altered.detected()).anyMatch(line -> line.contains("item_names") && line.contains("owner"));

        Migrate dropping = new Journey(db, tmp.resolve("dropped")).engine(ModelSource.of(Schema.of(List.of(LOG))));
        AutogenerateResult dropped = dropping.migrate(RevisionRequest.withMessage("no items"), RenameDecider.NEVER);
        assertThat(Journey.read(dropped.script().path()))
                .contains("drops its owner migrate_view_owner (of item_names), which the downgrade does not create");
    }
}
