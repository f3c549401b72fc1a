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
 * PostgreSQL table inheritance as pg_dump writes it ({@code INHERITS}): a column a child table inherits can only be
 * changed through its parent ("cannot alter inherited column"), and PostgreSQL carries the parent's change to the
 * children. So a change of an inherited column that parent and child models agree on is one ALTER of the parent; a
 * child model that disagrees with its parent is named in a {@code -- WARNING}, never an ALTER that fails. A view over
 * an inheriting table's column goes around the ancestor's ALTER, which changes that column too.
 */
@PostgresTest
class InheritedColumnsTest {

    private static final String SCHEMA = """
            CREATE TABLE public.vehicles (
                id integer NOT NULL,
                name character varying(80),
                wheels integer
            );
            CREATE TABLE public.cars (
                doors integer
            )
            INHERITS (public.vehicles);
            CREATE TABLE public.sports_cars (
                top_speed integer
            )
            INHERITS (public.cars);
            ALTER TABLE ONLY public.vehicles ADD CONSTRAINT vehicles_pkey PRIMARY KEY (id);
            CREATE VIEW public.fast_car_names AS
             SELECT sports_cars.name
               FROM public.sports_cars
              WHERE (sports_cars.top_speed > 250);
            """;

    @TempDir
    Path tmp;

    private static Schema models(ColumnType vehicleName, ColumnType carName, boolean wheelsNullable) {
        Column wheels = Column.of("wheels", ColumnType.of(GenericType.INTEGER));
        Column wheelsNow = wheelsNullable ? wheels : wheels.notNull();
        Table vehicles = Table.builder("vehicles").column(Column.of("id", ColumnType.of(GenericType.INTEGER)).notNull())
                .column(Column.of("name", vehicleName)).column(wheelsNow).primaryKey("vehicles_pkey", "id").build();
        Table cars = Table.builder("cars").column(Column.of("id", ColumnType.of(GenericType.INTEGER)).notNull())
                .column(Column.of("name", carName)).column(wheelsNow)
                .column(Column.of("doors", ColumnType.of(GenericType.INTEGER))).build();
        Table sports = Table.builder("sports_cars").column(Column.of("id", ColumnType.of(GenericType.INTEGER)).notNull())
                .column(Column.of("name", carName)).column(wheelsNow)
                .column(Column.of("doors", ColumnType.of(GenericType.INTEGER)))
                .column(Column.of("top_speed", ColumnType.of(GenericType.INTEGER))).build();
        return Schema.of(List.of(vehicles, cars, sports));
    }

    @Test
    void aChangeOfAnInheritedColumnIsTheParentsAlterAloneAndTheDowngradeGivesTheSchemaBack() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        assertThat(db.runScriptWithCli(SCHEMA)).isEmpty();
        List<String> before = PgDumpRoundTripTest.pgDump(db);
        Migrate matching = new Journey(db, tmp.resolve("matching"))
                .engine(ModelSource.of(models(ColumnType.varchar(80), ColumnType.varchar(80), true)));
        assertThat(matching.check().differences()).isEmpty();

        Migrate engine = new Journey(db, tmp.resolve("wider"))
                .engine(ModelSource.of(models(ColumnType.varchar(120), ColumnType.varchar(120), false)));
        engine.upgrade("heads");
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("wider names"), RenameDecider.NEVER);
        String script = Journey.read(result.script().path());
        assertThat(script).contains("ALTER TABLE vehicles ALTER COLUMN name TYPE").doesNotContain("ALTER TABLE cars")
                .doesNotContain("ALTER TABLE sports_cars").doesNotContain("WARNING: column");

        engine.upgrade("head");
        assertThat(db.queryStrings("SELECT format_type(atttypid, atttypmod) || ' ' || attnotnull FROM pg_attribute"
                + " WHERE attrelid = 'sports_cars'::regclass AND attname IN ('name', 'wheels') ORDER BY attname"))
                .containsExactly("character varying(120) false", "integer true");
        assertThat(engine.check().differences()).isEmpty();

        engine.downgrade("-1");
        assertThat(PgDumpRoundTripTest.pgDump(db)).as(script).isEqualTo(before);
    }

    @Test
    void aChildModelThatDisagreesWithItsParentAboutAnInheritedColumnIsAWarning() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        assertThat(db.runScriptWithCli(SCHEMA)).isEmpty();
        Migrate engine = new Journey(db, tmp)
                .engine(ModelSource.of(models(ColumnType.varchar(80), ColumnType.varchar(120), true)));
        engine.upgrade("heads");
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("wider car names"), RenameDecider.NEVER);
        String script = Journey.read(result.script().path());
        assertThat(script).doesNotContain("ALTER TABLE").contains("-- WARNING: column cars.name is inherited from"
                + " vehicles").contains("-- WARNING: column sports_cars.name is inherited from vehicles");
        assertThat(result.detected()).anyMatch(line -> line.contains("cars.name") && line.contains("inherited"));
        engine.upgrade("head"); // nothing that fails
    }
    /** The models without {@code wheels}, on every table. */
    private static Schema withoutWheels() {
        Schema models = models(ColumnType.varchar(80), ColumnType.varchar(80), true);
        return Schema.of(models.tables().stream().map(table -> {
            var builder = Table.builder(table.name());
            table.columns().stream().filter(column -> !column.name().equals("wheels")).forEach(builder::column);
            if (table.primaryKey() != null) {
                builder.primaryKey(table.primaryKey().name(), table.primaryKey().columns().toArray(String[]::new));
            }
            return builder.build();
        }).toList());
    }

    @Test
    void aDroppedInheritedColumnIsTheParentsDropAloneAndTheDowngradeGivesTheSchemaBack() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        assertThat(db.runScriptWithCli(SCHEMA)).isEmpty();
        List<String> before = PgDumpRoundTripTest.pgDump(db);
        Migrate engine = new Journey(db, tmp).engine(ModelSource.of(withoutWheels()));
        engine.upgrade("heads");

        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("no wheels"), RenameDecider.NEVER);
        String script = Journey.read(result.script().path());
        assertThat(script).contains("ALTER TABLE vehicles DROP COLUMN wheels").doesNotContain("ALTER TABLE cars")
                .doesNotContain("ALTER TABLE sports_cars").doesNotContain("WARNING: column");

        engine.upgrade("head");
        assertThat(db.queryStrings("SELECT count(*) FROM pg_attribute WHERE attname = 'wheels' AND NOT attisdropped"
                + " AND attrelid IN ('vehicles'::regclass, 'cars'::regclass, 'sports_cars'::regclass)"))
                .containsExactly("0");
        assertThat(engine.check().differences()).isEmpty();
        engine.downgrade("-1");
        assertThat(PgDumpRoundTripTest.pgDump(db)).as(script).isEqualTo(before);
    }

    @Test
    void aDroppedColumnAChildAlsoDeclaresItselfIsDroppedFromTheChildAfterItsParent() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        // as pg_dump writes a column the child declared too: in the child's own list, merged with the parent's
        assertThat(db.runScriptWithCli(SCHEMA.replace("""
                CREATE TABLE public.cars (
                    doors integer""", """
                CREATE TABLE public.cars (
                    wheels integer,
                    doors integer"""))).isEmpty();
        // which table declares which column, and from how many parents each has it
        String columns = "SELECT attrelid::regclass || '.' || attname || ' local ' || attislocal || ' inherited '"
                + " || attinhcount FROM pg_attribute WHERE attnum > 0 AND NOT attisdropped"
                + " AND attrelid IN ('vehicles'::regclass, 'cars'::regclass, 'sports_cars'::regclass) ORDER BY 1";
        assertThat(db.queryStrings(columns)).contains("cars.wheels local true inherited 1");
        List<String> before = db.queryStrings(columns);
        Migrate engine = new Journey(db, tmp).engine(ModelSource.of(withoutWheels()));
        engine.upgrade("heads");

        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("no wheels"), RenameDecider.NEVER);
        String script = Journey.read(result.script().path());
        assertThat(script).contains("ALTER TABLE vehicles DROP COLUMN wheels").contains("ALTER TABLE cars DROP COLUMN wheels")
                .doesNotContain("ALTER TABLE sports_cars").doesNotContain("WARNING: column");

        engine.upgrade("head");
        assertThat(engine.check().differences()).isEmpty();
        engine.downgrade("-1");
        // the same columns, declared by the same tables (the ADD COLUMN puts cars.wheels after doors: no column order
        // survives a dropped column's downgrade)
        assertThat(db.queryStrings(columns)).as(script).isEqualTo(before);
    }

    @Test
    void aChildModelWithoutAColumnItsParentKeepsIsAWarning() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        assertThat(db.runScriptWithCli(SCHEMA)).isEmpty();
        Schema models = models(ColumnType.varchar(80), ColumnType.varchar(80), true);
        Schema childLacksWheels = Schema.of(models.tables().stream().map(table -> !table.name().equals("cars") ? table
                : withoutWheels().table("cars").orElseThrow()).toList());
        Migrate engine = new Journey(db, tmp).engine(ModelSource.of(childLacksWheels));
        engine.upgrade("heads");

        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("no car wheels"), RenameDecider.NEVER);
        String script = Journey.read(result.script().path());
        assertThat(script).doesNotContain("ALTER TABLE").contains("-- WARNING: column cars.wheels is inherited from vehicles");
        engine.upgrade("head"); // nothing that fails
    }
}
