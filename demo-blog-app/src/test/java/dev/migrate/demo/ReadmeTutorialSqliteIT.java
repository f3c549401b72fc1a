package dev.migrate.demo;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README on SQLite, the demo's default: a new {@code default.db} in the demo's directory. */
class ReadmeTutorialSqliteIT extends ReadmeTutorialContract {

    @Override
    List<String> databaseArguments() {
        return List.of();
    }

    @Override
    String scriptDirectory() {
        return "src/main/resources/db/migrations/sqlite";
    }

    /**
     * The first of the README's two commands, its {@code java -jar} part (the build is what {@code mvn verify}
     * just did), run from the repository's directory with no terminal: it migrates a new {@code default.db}
     * to head at startup, says so, and, with no terminal for the prompt, ends.
     */
    @Test
    void theRunCommandMigratesANewDatabaseAtStartup() throws Exception {
        String command = ReadmeTutorial.runCommand();
        assertThat(command).isEqualTo("java -jar demo-blog-app/target/demo-blog-app.jar");
        DemoJar.Run run = shell(repository, command);
        assertThat(run.exit()).as(run.toString()).isZero();
        String output = String.join("\n", run.out());
        assertThat(output).as(run.toString()).contains(DemoJar.UPGRADE_LINES)
                .contains("Blog database at revision c41d9e0a7b58 (head) with 0 article(s)")
                .doesNotContain("Tomcat");
        assertThat(DemoJar.sqliteTables(repository.resolve("default.db"))).contains("article", "article_search", "category");
    }
}
