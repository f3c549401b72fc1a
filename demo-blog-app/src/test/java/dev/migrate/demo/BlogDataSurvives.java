package dev.migrate.demo;

import dev.migrate.test.MigrationChecks;
import dev.migrate.test.SqlWork;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's data checks, for both databases' kit tests: an article written at the first revision is still there
 * after every later revision went up, and after they came down again (the demo claims its downgrades keep articles:
 * they drop categories, the search index and its triggers, never the articles).
 */
interface BlogDataSurvives {

    String FIRST_REVISION = "9a0e4c7b1f22";

    SqlWork WRITE_ARTICLE = db -> {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate("INSERT INTO article (article_id, title, content) VALUES (7, 'kept', 'survives')");
        }
    };

    SqlWork READ_ARTICLE = db -> {
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT title FROM article WHERE article_id = 7")) {
            assertThat(rows.next()).as("article 7 is still there").isTrue();
        }
    };

    @Test
    default void articlesSurviveTheUpgrades(MigrationChecks checks) {
        checks.assertDataSurvives(FIRST_REVISION, WRITE_ARTICLE, READ_ARTICLE);
    }

    @Test
    default void articlesSurviveTheDowngradesBackToTheFirstRevision(MigrationChecks checks) {
        checks.assertDataSurvivesDowngrade(FIRST_REVISION, WRITE_ARTICLE, READ_ARTICLE);
    }
}
