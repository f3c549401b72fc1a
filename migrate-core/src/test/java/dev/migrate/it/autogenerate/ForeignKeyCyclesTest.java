package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * New tables whose foreign keys form cycles: author and book refer to each other, city -> region -> country ->
 * city, region also refers to itself, and award (first by name) refers into a cycle without being part of it.
 * PostgreSQL checks at CREATE TABLE that the referred table exists, so a foreign key that closes a cycle must be
 * added after the tables (and dropped before them); SQLite keeps every key inline.
 */
class ForeignKeyCyclesTest {

    @TempDir
    Path tmp;

    @Table(name = "author")
    record Author(@Id Integer id, @Column(length = 80, nullable = false) String name,
                  @ForeignKey(table = "book", column = "id") Integer favouriteBookId) {
    }

    @Table(name = "book")
    record Book(@Id Integer id, @Column(length = 200, nullable = false) String title,
                @Column(nullable = false) @ForeignKey(table = "author", column = "id") Integer authorId) {
    }

    @Table(name = "award")
    record Award(@Id Integer id, @Column(nullable = false) @ForeignKey(table = "book", column = "id") Integer bookId) {
    }

    @Table(name = "city")
    record City(@Id Integer id, @ForeignKey(table = "region", column = "id") Integer regionId) {
    }

    @Table(name = "country")
    record Country(@Id Integer id, @ForeignKey(table = "city", column = "id") Integer capitalId) {
    }

    @Table(name = "region")
    record Region(@Id Integer id, @ForeignKey(table = "country", column = "id") Integer countryId,
                  @ForeignKey(table = "region", column = "id") Integer parentId) {
    }

    static final Class<?>[] MODELS = {Author.class, Book.class, Award.class, City.class, Country.class, Region.class};

    /** What is left once the cycles are dropped again. */
    @Table(name = "keeper")
    record Keeper(@Id Integer id) {
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void cyclesOfNewTablesUpgradeDowngradeToBaseAndUpgradeAgain(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(MODELS);
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("cycles"), RenameDecider.NEVER);
        assertThat(result.detected()).containsExactly("Detected added table 'author'", "Detected added table 'book'",
                "Detected added table 'award'", "Detected added table 'city'", "Detected added table 'country'",
                "Detected added table 'region'");
        assertThat(result.warnings()).isEmpty();
        String script = Journey.read(result.script().path());
        String upgrade = script.substring(script.indexOf("-- migrate:upgrade"), script.indexOf("-- migrate:downgrade"));
        String downgrade = script.substring(script.indexOf("-- migrate:downgrade"));
        assertThat(createTable(upgrade, "region")).as("a self-reference stays inline")
                .contains("FOREIGN KEY (parent_id) REFERENCES region (id)");
        if (kind == Kind.POSTGRESQL) {
            assertThat(createTable(upgrade, "author")).doesNotContain("REFERENCES");
            assertThat(createTable(upgrade, "city")).doesNotContain("REFERENCES");
            assertThat(upgrade).contains("""
                    ALTER TABLE author ADD CONSTRAINT fk_author_favourite_book_id_book FOREIGN KEY (favourite_book_id) \
                    REFERENCES book (id);
                    """, """
                    ALTER TABLE city ADD CONSTRAINT fk_city_region_id_region FOREIGN KEY (region_id) REFERENCES region (id);
                    """);
            assertThat(downgrade.indexOf("ALTER TABLE author DROP CONSTRAINT fk_author_favourite_book_id_book;"))
                    .isPositive().isLessThan(downgrade.indexOf("DROP TABLE"));
        } else {
            assertThat(upgrade).doesNotContain("ALTER TABLE");
            assertThat(createTable(upgrade, "author")).contains("REFERENCES book (id)");
        }

        journey.upgradeAndRoundTrip(engine, result);
        engine.downgrade("base");
        assertThat(journey.reflect().tables()).as("tables left after downgrade to base").isEmpty();
        engine.upgrade("head");
        assertThat(engine.check().upToDate()).isTrue();
        // The keys are there and enforced in both directions of a cycle.
        db.execute("INSERT INTO author (id, name) VALUES (1, 'Ann')");
        db.execute("INSERT INTO book (id, title, author_id) VALUES (10, 'Tides', 1)");
        db.execute("UPDATE author SET favourite_book_id = 10 WHERE id = 1");
        if (kind == Kind.POSTGRESQL) {
            assertThatThrownBy(() -> db.execute("UPDATE author SET favourite_book_id = 99 WHERE id = 1"))
                    .hasMessageContaining("fk_author_favourite_book_id_book");
            assertThatThrownBy(() -> db.execute("INSERT INTO book (id, title, author_id) VALUES (11, 'Ebb', 99)"))
                    .hasMessageContaining("fk_book_author_id_author");
        }

        // The tables dropped again, rows and all, by a later revision: PostgreSQL refuses DROP TABLE on a table
        // another table still refers to, so the keys that closed the cycles go first.
        Migrate emptied = journey.engine(Keeper.class);
        AutogenerateResult dropped = emptied.migrate(RevisionRequest.withMessage("no more cycles"), RenameDecider.NEVER);
        assertThat(dropped.detected()).contains("Detected added table 'keeper'", "Detected removed table 'author'",
                "Detected removed table 'region'");
        journey.upgradeAndRoundTrip(emptied, dropped);
        assertThat(journey.reflect().tables()).extracting(dev.migrate.schema.Table::name).containsExactly("keeper");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void offlineSqlCreatesAndDropsTheCyclesInTheSameOrder(Kind kind) throws Exception {
        TestDatabase online = kind.create(tmp);
        Journey journey = new Journey(online, tmp);
        Migrate engine = journey.engine(MODELS);
        engine.migrate(RevisionRequest.withMessage("cycles"), RenameDecider.NEVER);
        engine.upgrade("head");

        TestDatabase offline = kind == Kind.SQLITE ? TestDatabase.sqlite(tmp.resolve("offline.db")) : TestDatabase.postgres();
        assertThat(offline.runScriptWithCli(engine.upgradeSql("head"))).isEmpty();
        assertThat(offline.schema()).isEqualTo(online.schema());
        // the same script directory, over the database the offline SQL built
        Journey offlineJourney = new Journey(offline, tmp);
        assertThat(offlineJourney.engine(MODELS).check().upToDate()).isTrue();
        assertThat(offline.runScriptWithCli(engine.downgradeSql("head:base"))).isEmpty();
        assertThat(offlineJourney.reflect().tables()).isEmpty();
    }

    /**
     * SQLite with foreign keys enforced: DROP TABLE deletes the rows first, and in a cycle with rows whichever
     * table goes first is still referred to by the other, unless the checks wait for the end of the transaction.
     */
    @Test
    void sqliteEnforcingForeignKeysDropsCyclesWithRows() throws Exception {
        TestDatabase.Sqlite db = TestDatabase.sqlite(tmp.resolve("enforcing.db"));
        SQLiteDataSource enforcing = new SQLiteDataSource();
        enforcing.setUrl("jdbc:sqlite:" + db.file() + "?foreign_keys=on");
        Journey journey = new Journey(db, enforcing, tmp);
        Migrate engine = journey.engine(MODELS);
        assertThat(engine.migrate(RevisionRequest.withMessage("cycles"), RenameDecider.NEVER).wroteScript()).isTrue();
        engine.upgrade("head");
        try (Connection connection = enforcing.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO author (id, name) VALUES (1, 'Ann')");
            statement.execute("INSERT INTO book (id, title, author_id) VALUES (10, 'Tides', 1)");
            statement.execute("UPDATE author SET favourite_book_id = 10");
            statement.execute("INSERT INTO city (id) VALUES (1)");
            statement.execute("INSERT INTO country (id, capital_id) VALUES (1, 1)");
            statement.execute("INSERT INTO region (id, country_id) VALUES (1, 1)");
            statement.execute("UPDATE city SET region_id = 1");
            assertThatThrownBy(() -> statement.execute("UPDATE city SET region_id = 2"))
                    .as("foreign keys are enforced").hasMessageContaining("FOREIGN KEY");
        }
        engine.downgrade("base");
        assertThat(journey.reflect().tables()).isEmpty();
        engine.upgrade("head");
        assertThat(engine.check().upToDate()).isTrue();
    }

    /** The CREATE TABLE statement of {@code table} in a script section. */
    private static String createTable(String section, String table) {
        int start = section.indexOf("CREATE TABLE " + table + " (");
        assertThat(start).as("CREATE TABLE " + table).isNotNegative();
        return section.substring(start, section.indexOf(");", start));
    }
}
