package dev.migrate.it;

import dev.migrate.command.Migrate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static dev.migrate.it.BlogScripts.CATEGORIES;
import static dev.migrate.it.BlogScripts.FTS;
import static dev.migrate.it.BlogScripts.INITIAL;
import static dev.migrate.it.BlogScripts.TRIGGERS;
import static org.assertj.core.api.Assertions.assertThat;

/** The seed's hand-written journey: full-text search with triggers, down to base one step at a time and up again. */
class BlogJourneyTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void upgradeSearchDowngradeStepByStepAndUpgradeAgain(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        BlogScripts.write(files, db.kind());
        Migrate migrate = Engines.over(db, files.directory());

        var run = migrate.upgrade("head");

        assertThat(run.fromHeads()).isEmpty();
        assertThat(run.steps()).extracting(step -> step.step().revision().id())
                .containsExactly(INITIAL, FTS, TRIGGERS, CATEGORIES);
        assertThat(run.steps().get(0).describe()).isEqualTo("Running upgrade  -> " + INITIAL + ", DB initial migration");
        assertThat(migrate.current(false).lines()).containsExactly(CATEGORIES + " (head)");
        List<String> schemaAtHead = db.schema();

        db.execute("INSERT INTO article (article_id, title, content) VALUES (1, 'Migrations', 'Alembic runs scripts')");
        db.execute("INSERT INTO article (article_id, title, content) VALUES (2, 'Cooking', 'Boil the pasta')");
        assertThat(db.queryStrings(BlogScripts.searchQuery(db.kind(), "pasta"))).containsExactly("Cooking");
        db.execute("UPDATE article SET content = 'Bake the bread' WHERE article_id = 2");
        assertThat(db.queryStrings(BlogScripts.searchQuery(db.kind(), "pasta"))).isEmpty();
        assertThat(db.queryStrings(BlogScripts.searchQuery(db.kind(), "bread"))).containsExactly("Cooking");

        for (String expected : List.of(TRIGGERS, FTS, INITIAL)) {
            migrate.downgrade("-1");
            assertThat(migrate.current(false).revisions()).containsExactly(expected);
        }
        migrate.downgrade("-1");
        assertThat(migrate.current(false).revisions()).isEmpty();
        assertThat(db.schema()).allMatch(line -> line.contains("alembic_version") || line.contains("migrate_log"));

        migrate.upgrade("head");
        assertThat(db.schema()).isEqualTo(schemaAtHead);
        db.execute("INSERT INTO article (article_id, title, content) VALUES (3, 'Again', 'Search works after the round trip')");
        assertThat(db.queryStrings(BlogScripts.searchQuery(db.kind(), "round"))).containsExactly("Again");
    }
}
