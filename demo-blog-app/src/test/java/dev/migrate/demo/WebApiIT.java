package dev.migrate.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void servesArticlesSearchAndMigrationsWithoutAPrompt() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        assertThat(DemoJar.run(work, List.of(), "init-db").exit()).isZero();
        assertThat(DemoJar.run(work, List.of(), "seed-db").out()).containsExactly("Seeded the database: 5 new article(s), 5 in all.");

        DemoJar.Run db = DemoJar.run(work, List.of("--spring.profiles.active=web"), "db", "current");
        assertThat(db.out()).as(db.toString()).containsExactly("c41d9e0a7b58 (head)");
        assertThat(String.join("\n", db.out()) + String.join("\n", db.err())).doesNotContain("Tomcat");

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = temp.resolve("web.log");
        server = new ProcessBuilder(DemoJar.java(), "-XX:TieredStopAtLevel=1", "-jar", DemoJar.jar().toString(),
                "--spring.profiles.active=web", "--server.port=" + port)
                .directory(work.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant end = Instant.now().plus(Duration.ofSeconds(180));
        while (!Files.readString(log).contains("Started BlogApplication")) {
            assertThat(server.isAlive()).as("the web run ended:\n" + Files.readString(log)).isTrue();
            assertThat(Instant.now()).as("not started within 180 s:\n" + Files.readString(log)).isBefore(end);
            Thread.sleep(250);
        }

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> search = get(http, port, "/api/articles/search?q=pelicans");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).startsWith("[{\"id\":2,\"title\":\"Bird migration\"");
        HttpResponse<String> all = get(http, port, "/api/articles");
        assertThat(all.body()).contains("\"Hello, blog\"", "\"Full-text search\"");
        assertThat(get(http, port, "/api/articles/3").body()).contains("\"title\":\"Why review generated migrations\"", "\"categories\":[]");
        assertThat(get(http, port, "/api/articles/99").statusCode()).isEqualTo(404);
        HttpResponse<String> migrations = get(http, port, "/actuator/migrations");
        assertThat(migrations.statusCode()).isEqualTo(200);
        assertThat(migrations.body()).contains("\"currentHeads\":[\"c41d9e0a7b58\"]", "\"pending\":[]");
        assertThat(get(http, port, "/actuator/health").body()).contains("\"status\":\"UP\"");
        HttpResponse<String> mermaid = get(http, port, "/actuator/migrations/migrate/mermaid");
        assertThat(mermaid.statusCode()).as(mermaid.body()).isEqualTo(200);
        assertThat(mermaid.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(mermaid.body()).startsWith("flowchart BT\n").contains("r_6b7d2e91c4a3 --> r_c41d9e0a7b58");
        assertThat(get(http, port, "/actuator/migrations/migrate/svg").statusCode()).isEqualTo(404);

        assertThat(server.isAlive()).as("still serving").isTrue();
        assertThat(Files.readString(log)).doesNotContain("shell:>", "Command --spring", "ERROR");
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
