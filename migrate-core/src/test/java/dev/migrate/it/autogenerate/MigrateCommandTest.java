package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.migrate.it.autogenerate.StoreItems.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code db migrate} and {@code db check} say when there is nothing to do, when they cannot run, and when models differ. */
class MigrateCommandTest {

    @TempDir
    Path tmp;

    private static List<Path> scripts(Journey journey) throws IOException {
        try (Stream<Path> files = Files.list(journey.files.directory())) {
            return files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void nothingToDoNotAtHeadAndReadableDifferences(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate one = journey.engine(with(StoreItems.Items1.class));
        AutogenerateResult first = one.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER);
        one.upgrade("head");

        // nothing to do: no script, Flask-Migrate's line
        List<Path> before = scripts(journey);
        AutogenerateResult nothing = one.migrate(RevisionRequest.withMessage("nothing"), RenameDecider.NEVER);
        assertThat(nothing.wroteScript()).isFalse();
        assertThat(nothing.detected()).isEmpty();
        assertThat(nothing.lines()).containsExactly("No changes in schema detected.");
        assertThat(scripts(journey)).isEqualTo(before);
        assertThat(one.check().upToDate()).isTrue();

        // models differ: check lists readable lines, writes nothing
        Migrate two = journey.engine(with(StoreItems.Items3.class));
        assertThat(two.check().upToDate()).isFalse();
        assertThat(two.check().lines()).containsExactly(
                "New upgrade operations detected (2); run 'db migrate' to write them:",
                "  Detected added column 'items.description'",
                "  Detected type change from VARCHAR(80) to VARCHAR(120) on 'items.name'");
        assertThat(scripts(journey)).isEqualTo(before);

        // a pending revision: migrate and check refuse clearly and write nothing
        journey.files.write("0badc0ffee00", first.script().revision(), "pending", "SELECT 1;", "SELECT 1;");
        List<Path> withPending = scripts(journey);
        assertThatThrownBy(() -> two.migrate(RevisionRequest.withMessage("too early"), RenameDecider.NEVER))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("not up to date").hasMessageContaining("1 revision(s) pending")
                .hasMessageContaining("db upgrade");
        assertThatThrownBy(two::check).isInstanceOf(MigrateException.class).hasMessageContaining("not up to date");
        assertThat(scripts(journey)).isEqualTo(withPending);

        two.upgrade("head");
        AutogenerateResult written = two.migrate(RevisionRequest.withMessage("now"), RenameDecider.NEVER);
        assertThat(written.script().revises()).containsExactly("0badc0ffee00");
        assertThat(written.lines()).hasSize(3).last().asString().startsWith("Generating ").endsWith(" ...  done");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void tablesNoModelDescribesAreDroppedWithAWarningUnlessKeptOrFilteredOut(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate one = journey.engine(with(StoreItems.Items1.class));
        one.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER);
        one.upgrade("head");
        db.execute("CREATE TABLE spatial_ref_sys (srid INTEGER PRIMARY KEY, auth_name VARCHAR(256))");
        db.execute("INSERT INTO spatial_ref_sys VALUES (4326, 'EPSG')");

        assertThat(one.check().differences()).containsExactly("Detected removed table 'spatial_ref_sys'");
        AutogenerateResult dropping = one.migrate(RevisionRequest.withMessage("drop"), RenameDecider.NEVER);
        assertThat(dropping.warnings()).containsExactly("spatial_ref_sys: dropping the table loses all its rows");
        assertThat(Journey.read(dropping.script().path()))
                .contains("-- WARNING: spatial_ref_sys: dropping the table loses all its rows\nDROP TABLE spatial_ref_sys;");
        Journey.delete(dropping.script().path());

        journey.settings = new dev.migrate.command.AutogenerateSettings(dev.migrate.autogenerate.IncludeObject.ALL, true);
        assertThat(journey.engine(with(StoreItems.Items1.class)).check().upToDate()).isTrue();
        // Alembic's include_object: leave tables the models never owned alone
        journey.settings = new dev.migrate.command.AutogenerateSettings(
                (type, name, object, reflected, comparedTo) -> !(reflected && comparedTo == null
                        && type == dev.migrate.autogenerate.ObjectKind.TABLE), false);
        Migrate filtered = journey.engine(with(StoreItems.Items2.class));
        assertThat(filtered.check().differences()).containsExactly("Detected added column 'items.description'");
        // Alembic's include_name: a name filter before reflection, so the table is never even read
        journey.settings = new dev.migrate.command.AutogenerateSettings(dev.migrate.autogenerate.IncludeObject.ALL, false,
                name -> !name.startsWith("spatial_"));
        assertThat(journey.engine(with(StoreItems.Items1.class)).check().upToDate()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void notNullWithoutDefaultOnATableWithRowsIsWarnedAboutAndFailsCleanly(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate two = journey.engine(with(StoreItems.Items2.class));
        two.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER);
        two.upgrade("head");
        String head = journey.head(two);

        Migrate empty = journey.engine(with(StoreItems.Items2Sku.class));
        AutogenerateResult onEmpty = empty.migrate(RevisionRequest.withMessage("sku"), RenameDecider.NEVER);
        assertThat(onEmpty.warnings()).isEmpty();
        Journey.delete(onEmpty.script().path());

        db.execute("INSERT INTO stores (name) VALUES ('Main street')");
        db.execute("INSERT INTO items (name, price, store_id) VALUES ('chair', 19.5, 1)");
        AutogenerateResult withRows = empty.migrate(RevisionRequest.withMessage("sku"), RenameDecider.NEVER);
        assertThat(withRows.warnings()).singleElement().asString().startsWith("items.sku: a NOT NULL column without a server default");
        assertThat(Journey.read(withRows.script().path())).contains("-- WARNING: items.sku: a NOT NULL column");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> empty.upgrade("head"))
                .isInstanceOf(MigrateException.class).hasMessageContaining("rolled back");
        assertThat(journey.head(empty)).isEqualTo(head);
        assertThat(db.queryStrings("SELECT name FROM items")).containsExactly("chair");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void notNullOnAColumnWithNullsIsWarnedAboutEvenWithADefault(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate two = journey.engine(with(StoreItems.Items2.class));
        two.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER);
        two.upgrade("head");
        db.execute("INSERT INTO stores (name) VALUES ('Main street')");
        db.execute("INSERT INTO items (name, price, store_id) VALUES ('chair', 19.5, 1)");

        Migrate required = journey.engine(with(StoreItems.Items2Required.class));
        AutogenerateResult result = required.migrate(RevisionRequest.withMessage("required"), RenameDecider.NEVER);
        assertThat(result.detected()).contains("Detected NOT NULL on column 'items.description'");
        assertThat(result.warnings()).singleElement().asString().startsWith("items.description: NOT NULL")
                .contains("fill them in first");
        assertThatThrownBy(() -> required.upgrade("head")).isInstanceOf(MigrateException.class)
                .hasMessageContaining("rolled back");

        db.execute("UPDATE items SET description = '' WHERE description IS NULL");
        required.upgrade("head");
        assertThat(required.check().upToDate()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void withoutModelsMigrateSaysWhatIsMissing(Kind kind) {
        Journey journey = new Journey(kind.create(tmp), tmp);
        Migrate none = journey.engine(new Class<?>[0]);
        assertThatThrownBy(() -> none.migrate(RevisionRequest.withMessage("x"), RenameDecider.NEVER))
                .isInstanceOf(MigrateException.class).hasMessageContaining("No models");
    }
}
