package dev.migrate.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar demo-blog-app.jar --spring.profiles.active=web}: the JSON API and the actuator's
 * {@code migrations} endpoint on a database filled by the one-shot commands; no prompt, nothing waits for
 * input; and a {@code db} command with the same profile still starts no web server.
 */
class WebApiIT {

    @TempDir
    Path temp;

    @Test
    void servesArticlesSearchAndMigrationsWithoutAPrompt() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        assertThat(DemoJar.run(work, List.of(), "init-db").exit()).isZero();
        assertThat(DemoJar.run(work, List.of(), "seed-db").out()).containsExactly("Seeded the database: 5 new article(s), 5 in all.");

        DemoJar.Run db = DemoJar.run(work, List.of("--spring.profiles.active=web"), "db", "current");
        assertThat(db.out()).as(db.toString()).containsExactly("c41d9e0a7b58 (head)");
        assertThat(String.join("\n", db.out()) + String.join("\n", db.err())).doesNotContain("Tomcat");

        try (WebServer server = WebServer.start(DemoJar.jar(), work, temp.resolve("web.log"), "Started BlogApplication",
                "--spring.profiles.active=web")) {
            HttpResponse<String> search = server.get("/api/articles/search?q=pelicans");
            assertThat(search.statusCode()).isEqualTo(200);
            assertThat(search.body()).startsWith("[{\"id\":2,\"title\":\"Bird migration\"");
            HttpResponse<String> all = server.get("/api/articles");
            assertThat(all.body()).contains("\"Hello, blog\"", "\"Full-text search\"");
            assertThat(server.get("/api/articles/3").body()).contains("\"title\":\"Why review generated migrations\"", "\"categories\":[]");
            assertThat(server.get("/api/articles/99").statusCode()).isEqualTo(404);
            HttpResponse<String> migrations = server.get("/actuator/migrations");
            assertThat(migrations.statusCode()).isEqualTo(200);
            assertThat(migrations.body()).contains("\"currentHeads\":[\"c41d9e0a7b58\"]", "\"pending\":[]");
            assertThat(server.get("/actuator/health").body()).contains("\"status\":\"UP\"");
            HttpResponse<String> mermaid = server.get("/actuator/migrations/migrate/mermaid");
            assertThat(mermaid.statusCode()).as(mermaid.body()).isEqualTo(200);
            assertThat(mermaid.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(mermaid.body()).startsWith("flowchart BT\n").contains("r_6b7d2e91c4a3 --> r_c41d9e0a7b58");
            assertThat(server.get("/actuator/migrations/migrate/svg").statusCode()).isEqualTo(404);

            assertThat(server.isAlive()).as("still serving").isTrue();
            assertThat(server.log()).doesNotContain("shell:>", "Command --spring", "ERROR");
        }
    }
}
