package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Index;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema in the shape {@code sqlite3 .dump} writes (Chinook's: bracketed names, NVARCHAR, DATETIME, INT,
 * NUMERIC(10,2), a partial expression index, triggers on tables and on a view, views over views), loaded with
 * the sqlite3 client, then {@code db migrate} with models that own none of it: the upgrade drops it all, naming
 * each view and trigger that goes with a table, and the downgrade gives back {@code sqlite_master} as it was.
 */
class SqliteDumpRoundTripTest {

    /** The application's one model: owns none of the dumped tables. */
    @dev.migrate.schema.annotation.Table(name = "notes")
    static class Note {
        @dev.migrate.schema.annotation.Id
        Integer id;
        String body;
    }

    /** A model of a table declared with SQLite's other spellings of its types. */
    @dev.migrate.schema.annotation.Table(name = "employee")
    static class Employee {
        @dev.migrate.schema.annotation.Id
        Integer id;
        @dev.migrate.schema.annotation.Column(length = 70, nullable = false)
        String name;
        java.time.LocalDateTime hired;
        Integer age;
        java.math.BigDecimal salary;
    }

    /** The same with {@code age} NOT NULL: SQLite rebuilds the table for it. */
    @dev.migrate.schema.annotation.Table(name = "employee")
    static class EmployeeAgeRequired {
        @dev.migrate.schema.annotation.Id
        Integer id;
        @dev.migrate.schema.annotation.Column(length = 70, nullable = false)
        String name;
        java.time.LocalDateTime hired;
        @dev.migrate.schema.annotation.Column(nullable = false, serverDefault = "0")
        Integer age;
        java.math.BigDecimal salary;
    }

    @TempDir
    Path tmp;

    @Test
    void theDumpedTablesDescribedByModelsCheckClean() throws Exception {
        TestDatabase db = TestDatabase.sqlite(tmp.resolve("chinook-models.db"));
        assertThat(db.runScriptWithCli(resource("chinook-sqlite.sql"))).isEmpty();
        ColumnType integer = ColumnType.of(GenericType.INTEGER);
        Schema models = Schema.of(List.of(
                Table.builder("Artist")
                        .column(Column.of("ArtistId", integer).notNull())
                        .column(Column.of("Name", ColumnType.varchar(120)))
                        .primaryKey("PK_Artist", "ArtistId").build(),
                Table.builder("Employee")
                        .column(Column.of("EmployeeId", integer).notNull().withAutoincrement(true))
                        .column(Column.of("LastName", ColumnType.varchar(20)).notNull())
                        .column(Column.of("ReportsTo", integer))
                        .column(Column.of("BirthDate", ColumnType.of(GenericType.TIMESTAMP)))
                        .column(Column.of("HireDate", ColumnType.of(GenericType.TIMESTAMP))
                                .withServerDefault("(datetime('now'))"))
                        .column(Column.of("Email", ColumnType.varchar(60)))
                        .primaryKey("PK_Employee", "EmployeeId")
                        .foreignKey(new ForeignKey(null, List.of("ReportsTo"), "Employee", List.of("EmployeeId"),
                                ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION))
                        .index(new Index("IFK_EmployeeReportsTo", List.of("ReportsTo"), false))
                        .index(new Index("ix_employee_email", List.of("lower(Email)"), true, null, null,
                                "Email IS NOT NULL", List.of()))
                        .build(),
                Table.builder("invoice_audit")
                        .column(Column.of("id", integer).notNull().withAutoincrement(true))
                        .column(Column.of("invoice_id", integer))
                        .column(Column.of("action", ColumnType.of(GenericType.TEXT)))
                        .column(Column.of("at", ColumnType.of(GenericType.TIMESTAMP))
                                .withServerDefault("CURRENT_TIMESTAMP"))
                        .primaryKey(null, "id")
                        .build(),
                Table.builder("Album")
                        .column(Column.of("AlbumId", integer).notNull().withAutoincrement(true))
                        .column(Column.of("Title", ColumnType.varchar(160)).notNull())
                        .column(Column.of("ArtistId", integer).notNull())
                        .primaryKey("PK_Album", "AlbumId")
                        .foreignKey(new ForeignKey(null, List.of("ArtistId"), "Artist",
                                List.of("ArtistId"), ReferentialAction.NO_ACTION,
                                ReferentialAction.NO_ACTION))
                        .index(new Index("IFK_AlbumArtistId", List.of("ArtistId"), false))
                        .build(),
                Table.builder("Invoice")
                        .column(Column.of("InvoiceId", integer).notNull().withAutoincrement(true))
                        .column(Column.of("CustomerId", integer).notNull())
                        .column(Column.of("InvoiceDate",
                                ColumnType.of(GenericType.TIMESTAMP)).notNull())
                        .column(Column.of("BillingCountry", ColumnType.varchar(40)))
                        .column(Column.of("Total", ColumnType.decimal(10, 2)).notNull())
                        .primaryKey("PK_Invoice", "InvoiceId")
                        .build()));
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(ModelSource.of(models));
        engine.upgrade("heads");
        assertThat(engine.check().differences()).isEmpty();
    }

    @Test
    void declaredSpellingsCompareEqualToTheModelsTypes() throws Exception {
        TestDatabase db = TestDatabase.sqlite(tmp.resolve("spelled.db"));
        db.execute("CREATE TABLE employee (id INTEGER PRIMARY KEY, name NVARCHAR(70) NOT NULL, hired DATETIME, "
                + "age INT, salary DECIMAL)");
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(Employee.class);
        engine.upgrade("heads");
        assertThat(engine.check().differences()).isEmpty();

        // a rebuild for another column keeps the declared spellings of the columns it does not change
        Migrate rebuilding = journey.engine(EmployeeAgeRequired.class);
        rebuilding.migrate(RevisionRequest.withMessage("age required"), RenameDecider.NEVER);
        rebuilding.upgrade("head");
        assertThat(db.queryStrings("SELECT type FROM pragma_table_info('employee') ORDER BY cid"))
                .containsExactly("INTEGER", "NVARCHAR(70)", "DATETIME", "INT", "DECIMAL");
        assertThat(rebuilding.check().differences()).isEmpty();
        rebuilding.downgrade("-1");
        assertThat(db.queryStrings("SELECT type FROM pragma_table_info('employee') ORDER BY cid"))
                .containsExactly("INTEGER", "NVARCHAR(70)", "DATETIME", "INT", "DECIMAL");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SqliteDumpRoundTripTest.class.getResourceAsStream("/realschema/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** sqlite_master as type, name, tbl_name and its SQL with runs of white space made one space. */
    static List<String> master(TestDatabase db) throws Exception {
        return db.queryStrings("SELECT type || ' | ' || name || ' | ' || tbl_name || ' | ' || COALESCE(sql, '') "
                + "FROM sqlite_master WHERE tbl_name NOT IN ('alembic_version', 'migrate_log', 'notes') "
                + "ORDER BY type, name").stream()
                .map(line -> line.replaceAll("\\s+", " ")).toList();
    }

    @Test
    void aDumpedSchemaNoModelOwnsIsDroppedWithItsDependentsAndComesBackExactly() throws Exception {
        TestDatabase db = TestDatabase.sqlite(tmp.resolve("chinook.db"));
        assertThat(db.runScriptWithCli(resource("chinook-sqlite.sql"))).isEmpty();
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(Note.class);
        engine.upgrade("heads"); // the engine's own tables
        db.execute("CREATE TABLE notes (id INTEGER NOT NULL, body VARCHAR, CONSTRAINT pk_notes PRIMARY KEY (id))");
        db.execute("CREATE TRIGGER notes_audit AFTER INSERT ON notes BEGIN "
                + "INSERT INTO invoice_audit (invoice_id, action) VALUES (NEW.id, 'note'); END");
        List<String> before = master(db);
        assertThat(before).anyMatch(line -> line.startsWith("trigger | album_artist_insert | album_artist"))
                .anyMatch(line -> line.contains("[Title] NVARCHAR(160) NOT NULL"));

        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("models own none of it"),
                RenameDecider.NEVER);
        String script = Journey.read(result.script().path());
        for (String dependent : List.of("view album_artist", "view album_count", "view invoice_totals",
                "trigger invoice_insert", "trigger invoice_delete", "trigger album_title_check",
                "trigger album_artist_insert")) {
            assertThat(script).containsPattern("-- WARNING: [A-Za-z]+: dropping the table drops its " + dependent + "\\b");
            assertThat(result.warnings()).anyMatch(warning -> warning.contains("drops its " + dependent + " "));
        }
        assertThat(result.lines()).anyMatch(line -> line.startsWith("WARNING: ") && line.contains("view album_count"));
        // the application's own table has a trigger that writes into a dropped one: said, left alone
        assertThat(script).contains("-- WARNING: invoice_audit: trigger notes_audit on notes names the table and is "
                + "left as it is");

        engine.upgrade("head");
        assertThat(master(db)).allMatch(line -> line.startsWith("table | sqlite_sequence |"));
        engine.downgrade("-1");
        assertThat(master(db)).containsExactlyElementsOf(before);
        // the declared types are the ones written, and the models' types still compare equal to them
        assertThat(db.queryStrings("SELECT type FROM pragma_table_info('Invoice') ORDER BY cid"))
                .containsExactly("INTEGER", "INT", "DATETIME", "NVARCHAR(40)", "NUMERIC(10,2)");
    }
}
