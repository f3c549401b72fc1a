package dev.migrate.demo;

import dev.migrate.test.MigrationChecks;
import dev.migrate.test.MigrationChecksExtension;
import dev.migrate.testsupport.MariaDbServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BlogMigrationsTest} on MariaDB: the demo's MariaDB scripts ({@code {vendor}} picks them from the URL), a
 * fresh database on the suite's server (the context's startup upgrade runs every script on it): the kit's checks but
 * the offline one (the kit runs offline SQL with {@code sqlite3} and {@code psql} only), and, on the same context, the
 * demo's search on the scripts' FULLTEXT index.
 */
@SpringBootTest(properties = "spring.shell.interactive.enabled=false")
@ExtendWith(MigrationChecksExtension.class)
class BlogMigrationsMariaDbTest {

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbServer server = MariaDbServer.shared();
        String database = server.createDatabase();
        registry.add("spring.datasource.url", () -> server.jdbcUrl(database));
        registry.add("spring.datasource.username", server::user);
        registry.add("spring.shell.history.name", () -> temp.resolve("history.log").toString());
    }

    @Test
    void singleHead(MigrationChecks checks) {
        checks.assertSingleHead();
    }

    @Test
    void scriptsParseAndDowngrade(MigrationChecks checks) {
        checks.assertScriptsValid();
    }

    @Test
    void stairway(MigrationChecks checks) {
        checks.assertStairway();
    }

    @Test
    void modelsMatchMigrations(MigrationChecks checks) {
        checks.assertModelsMatchMigrations();
    }

    /**
     * Every word is required, common words too: the index keeps them (created without InnoDB's stopword list), and a
     * word too short for the index ("of") does not empty the result.
     */
    @Test
    void searchFindsArticlesHavingEveryWordCommonAndShortWordsIncluded(@Autowired Articles articles) {
        articles.seed();
        assertThat(articles.search("pelicans", 10)).extracting(ArticleView::title).containsExactly("Bird migration");
        assertThat(articles.search("the pelicans of the lake", 10)).extracting(ArticleView::title)
                .containsExactly("Bird migration");
        assertThat(articles.search("pelicans downgrade", 10)).isEmpty();
    }
}
