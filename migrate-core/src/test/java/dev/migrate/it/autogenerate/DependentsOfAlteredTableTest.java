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
 * A table that stays but has a column's type changed and another column dropped, with triggers and rules that name
 * those columns, a view with a rule of its own, and a materialized view over it: PostgreSQL refuses the ALTER while
 * they exist, so the upgrade drops them first and creates them again after from their reflected statements; the one
 * trigger that names the dropped column cannot come back and is named in a {@code -- WARNING}; the downgrade gives
 * back the schema that was there.
 */
@PostgresTest
class DependentsOfAlteredTableTest {

    @TempDir
    Path tmp;

    @Test
    void triggersRulesViewsAndMaterializedViewsAreDroppedAndCreatedAgainAroundTheAlter() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        assertThat(db.runScriptWithCli("""
                CREATE TABLE public.items (
                    id integer NOT NULL,
                    name character varying(80),
                    note text
                );
                ALTER TABLE ONLY public.items ADD CONSTRAINT items_pkey PRIMARY KEY (id);
                CREATE TABLE public.item_log (
                    name character varying(80)
                );
                CREATE FUNCTION public.items_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TRIGGER items_name_changed BEFORE UPDATE OF name ON public.items FOR EACH ROW
                    WHEN ((new.name IS NOT NULL)) EXECUTE FUNCTION public.items_touch();
                CREATE TRIGGER items_note_changed BEFORE UPDATE OF note ON public.items FOR EACH ROW
                    EXECUTE FUNCTION public.items_touch();
                CREATE RULE items_log AS ON INSERT TO public.items DO INSERT INTO public.item_log (name)
                    VALUES (new.name);
                CREATE VIEW public.item_names AS SELECT id, name FROM public.items;
                CREATE RULE item_names_insert AS ON INSERT TO public.item_names DO INSTEAD
                    INSERT INTO public.items (id, name) VALUES (new.id, new.name);
                CREATE MATERIALIZED VIEW public.item_counts AS SELECT name, count(*) AS n FROM public.items
                    GROUP BY name;
                """)).isEmpty();
        List<String> before = PgDumpRoundTripTest.pgDump(db);
        Table items = Table.builder("items").column(Column.of("id", ColumnType.of(GenericType.INTEGER)).notNull())
                .column(Column.of("name", ColumnType.varchar(120))).primaryKey("items_pkey", "id").build();
        Table log = Table.builder("item_log").column(Column.of("name", ColumnType.varchar(80))).build();
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(ModelSource.of(Schema.of(List.of(items, log))));
        engine.upgrade("heads");
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("wider names, no notes"),
                RenameDecider.NEVER);
        String script = Journey.read(result.script().path());
        String upgrade = script.substring(0, script.indexOf("migrate:downgrade"));
        assertThat(upgrade).contains("-- WARNING: trigger items_note_changed on items");
        assertThat(result.detected()).anyMatch(line -> line.contains("items_note_changed"));

        engine.upgrade("head");
        assertThat(db.queryStrings("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1"))
                .containsExactly("items_name_changed");
        assertThat(db.queryStrings("SELECT rulename FROM pg_rules WHERE schemaname = 'public' ORDER BY 1"))
                .containsExactly("item_names_insert", "items_log");
        assertThat(db.queryStrings("SELECT matviewname FROM pg_matviews")).containsExactly("item_counts");
        db.execute("INSERT INTO item_names (id, name) VALUES (1, 'kettle')"); // through both rules
        assertThat(db.queryStrings("SELECT count(*) FROM item_log")).containsExactly("1");
        assertThat(engine.check().upToDate()).isTrue();

        db.execute("DELETE FROM items");
        db.execute("DELETE FROM item_log");
        engine.downgrade("-1");
        assertThat(PgDumpRoundTripTest.pgDump(db)).isEqualTo(before);
    }
}
