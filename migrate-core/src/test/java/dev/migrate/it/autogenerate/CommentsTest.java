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
import dev.migrate.schema.annotation.Id;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table and column comments: declared by annotations and by the table builder, created with their tables
 * ({@code COMMENT ON TABLE/COLUMN ... IS ...}), changed and removed ({@code IS NULL}) on PostgreSQL with the exact
 * reverse in the downgrade, and brought back by the downgrade of a dropped table; SQLite keeps no comments, so they
 * are never a difference there.
 */
class CommentsTest {

    @TempDir
    Path tmp;

    @dev.migrate.schema.annotation.Table(name = "item", comment = "Shop items")
    record Item(@Id Integer id,
                @dev.migrate.schema.annotation.Column(length = 40, comment = "What the label says") String label,
                @dev.migrate.schema.annotation.Column(comment = "it's free text") String note) {
    }

    @dev.migrate.schema.annotation.Table(name = "other")
    record Other(@Id Integer id) {
    }

    /** The item table as the builder says it: another table comment, no comment on label, a new commented column. */
    private static ModelSource changedItem() {
        return ModelSource.of(Schema.of(List.of(Table.builder("item").comment("Items for sale")
                .column(new Column("id", ColumnType.of(GenericType.INTEGER), false, null, true))
                .column(Column.of("label", ColumnType.varchar(40)))
                .column(Column.of("note", ColumnType.varchar(null)).withComment("it's free text"))
                .column(Column.of("extra", ColumnType.of(GenericType.TEXT)).withComment("added later"))
                .primaryKey(null, "id").build())));
    }

    @Test
    void commentsAreCreatedChangedRemovedAndComeBackOnPostgres() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(Item.class);
        AutogenerateResult created = engine.migrate(RevisionRequest.withMessage("items"), RenameDecider.NEVER);
        assertThat(created.detected()).containsExactly("Detected added table 'item'");
        assertThat(Journey.read(created.script().path())).contains("COMMENT ON TABLE item IS 'Shop items';",
                "COMMENT ON COLUMN item.label IS 'What the label says';", "COMMENT ON COLUMN item.note IS 'it''s free text';");
        journey.upgradeAndRoundTrip(engine, created);
        assertThat(db.queryStrings("SELECT obj_description('item'::regclass, 'pg_class')")).containsExactly("Shop items");

        Migrate changed = journey.engine(changedItem());
        AutogenerateResult result = changed.migrate(RevisionRequest.withMessage("comments"), RenameDecider.NEVER);
        assertThat(result.detected()).containsExactlyInAnyOrder("Detected added column 'item.extra'",
                "Detected removed comment on column 'item.label'", "Detected changed comment on table 'item'");
        String script = Journey.read(result.script().path());
        String upgrade = script.substring(0, script.indexOf("migrate:downgrade"));
        String downgrade = script.substring(script.indexOf("migrate:downgrade"));
        assertThat(upgrade).contains("COMMENT ON COLUMN item.label IS NULL;", "COMMENT ON TABLE item IS 'Items for sale';",
                "ALTER TABLE item ADD COLUMN extra text;\nCOMMENT ON COLUMN item.extra IS 'added later';");
        assertThat(downgrade).contains("COMMENT ON COLUMN item.label IS 'What the label says';",
                "COMMENT ON TABLE item IS 'Shop items';");
        journey.upgradeAndRoundTrip(changed, result);
        assertThat(db.queryStrings("SELECT col_description('item'::regclass, 3)")).containsExactly("it's free text");

        // a removed table: its downgrade creates it again with every comment it had
        Table before = journey.reflect().table("item").orElseThrow();
        Migrate dropping = journey.engine(Other.class);
        AutogenerateResult dropped = dropping.migrate(RevisionRequest.withMessage("no items"), RenameDecider.NEVER);
        assertThat(dropped.detected()).contains("Detected removed table 'item'");
        assertThat(dropped.warnings()).noneMatch(warning -> warning.contains("comment"));
        dropping.upgrade("head");
        dropping.downgrade("-1");
        assertThat(db.queryStrings("SELECT obj_description('item'::regclass, 'pg_class')")).containsExactly("Items for sale");
        assertThat(db.queryStrings("SELECT a.attname || ': ' || col_description(a.attrelid, a.attnum) FROM pg_attribute a "
                + "WHERE a.attrelid = 'item'::regclass AND col_description(a.attrelid, a.attnum) IS NOT NULL ORDER BY 1"))
                .containsExactly("extra: added later", "note: it's free text");
        assertThat(journey.reflect().table("item")).contains(before);
    }

    @Test
    void sqliteKeepsNoCommentsSoTheyAreNeverADifference() throws Exception {
        TestDatabase db = TestDatabase.sqlite(tmp.resolve("test.db"));
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(Item.class);
        AutogenerateResult created = engine.migrate(RevisionRequest.withMessage("items"), RenameDecider.NEVER);
        assertThat(Journey.read(created.script().path())).doesNotContain("COMMENT");
        journey.upgradeAndRoundTrip(engine, created);

        Migrate changed = journey.engine(changedItem());
        assertThat(changed.check().differences()).containsExactly("Detected added column 'item.extra'");
    }
}
