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
 * A rule on a table that stays names a table the upgrade drops (PostgreSQL refuses to drop a table a rule uses, and
 * cannot create the rule again without it): the rule is dropped first, named in a {@code -- WARNING} and in the
 * output, and not created again; the downgrade creates it again after the table. Whether or not the rule's table is
 * altered too (a column type change, around which the rules naming the column are dropped and created again).
 */
@PostgresTest
class RuleNamingDroppedTableTest {

    private static final String SCHEMA = """
            CREATE TABLE public.items (
                id integer NOT NULL,
                name character varying(80)
            );
            ALTER TABLE ONLY public.items ADD CONSTRAINT items_pkey PRIMARY KEY (id);
            CREATE TABLE public.archive (
                name character varying(80)
            );
            CREATE RULE items_archive AS ON INSERT TO public.items DO INSERT INTO public.archive (name)
                VALUES (new.name);
            COMMENT ON RULE items_archive ON public.items IS 'everything is archived';
            """;

    @TempDir
    Path tmp;

    @Test
    void aRuleOnAnAlteredTableNamingADroppedTableIsDroppedWithAWarningAndComesBackInTheDowngrade() throws Exception {
        roundTrip(ColumnType.varchar(120));
    }

    @Test
    void aRuleOnATableThatStaysNamingADroppedTableIsDroppedWithAWarningAndComesBackInTheDowngrade() throws Exception {
        roundTrip(ColumnType.varchar(80));
    }

    private void roundTrip(ColumnType nameType) throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        assertThat(db.runScriptWithCli(SCHEMA)).isEmpty();
        List<String> before = PgDumpRoundTripTest.pgDump(db);
        Table items = Table.builder("items").column(Column.of("id", ColumnType.of(GenericType.INTEGER)).notNull())
                .column(Column.of("name", nameType)).primaryKey("items_pkey", "id").build();
        Migrate engine = new Journey(db, tmp).engine(ModelSource.of(Schema.of(List.of(items))));
        engine.upgrade("heads");
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("no archive"), RenameDecider.NEVER);
        String script = Journey.read(result.script().path());
        String upgrade = script.substring(0, script.indexOf("migrate:downgrade"));
        assertThat(upgrade).as(script).contains("-- WARNING: rule items_archive on items names table archive, which "
                + "this upgrade drops: dropped with it and not created again");
        assertThat(result.detected()).as(script).anyMatch(line -> line.contains("items_archive"));

        engine.upgrade("head");
        assertThat(db.queryStrings("SELECT rulename FROM pg_rules WHERE schemaname = 'public'")).isEmpty();
        assertThat(engine.check().upToDate()).isTrue();

        engine.downgrade("-1");
        assertThat(PgDumpRoundTripTest.pgDump(db)).as(script).isEqualTo(before);
    }
}
