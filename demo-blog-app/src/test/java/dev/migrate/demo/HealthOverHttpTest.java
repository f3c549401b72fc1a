package dev.migrate.demo;

import dev.migrate.command.Migrate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health} over HTTP, the aggregate as a load balancer or Kubernetes sees it: with default
 * settings a database behind the scripts answers 503 {@code OUT_OF_DATE}, at head 200 {@code UP}, ahead of the
 * scripts (revisions no script knows) 200 {@code AHEAD}; the
 * application's own status order or HTTP mapping still wins. A real server on a random port, the demo's
 * {@code web} profile, the startup upgrade off so that the database stays behind.
 */
class HealthOverHttpTest {

    @TempDir
    Path temp;

    private ConfigurableApplicationContext start(String... settings) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=web", "--server.port=0",
                "--spring.datasource.url=jdbc:sqlite:" + temp.resolve("blog.db"),
                "--migrate.script-directory=" + temp.resolve("no-such-directory"),
                "--spring.shell.history.name=" + temp.resolve("history.log")));
        if (Arrays.stream(settings).noneMatch(setting -> setting.startsWith("--migrate.on-startup="))) {
            args.add("--migrate.on-startup=none");
        }
        args.addAll(List.of(settings));
        return SpringApplication.run(BlogApplication.class, args.toArray(String[]::new));
    }

    private static HttpResponse<String> health(ConfigurableApplicationContext context) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pendingRevisionsMakeTheAggregate503UntilTheUpgrade() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            HttpResponse<String> behind = health(context);
            assertThat(behind.statusCode()).as(behind.body()).isEqualTo(503);
            assertThat(behind.body()).contains("\"status\":\"OUT_OF_DATE\"");

            context.getBean(Migrate.class).upgrade("heads");
            HttpResponse<String> atHead = health(context);
            assertThat(atHead.statusCode()).as(atHead.body()).isEqualTo(200);
            assertThat(atHead.body()).contains("\"status\":\"UP\"");
        }
    }

    /** An older image rolled back onto a database a newer one migrated: it starts, and answers 200 AHEAD. */
    @Test
    void aDatabaseAheadOfTheScriptsStartsAndAnswers200Ahead() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            context.getBean(Migrate.class).upgrade("heads");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("blog.db"))) {
            connection.createStatement().executeUpdate("UPDATE alembic_version SET version_num = '0000feed0001'");
        }
        try (ConfigurableApplicationContext context = start("--migrate.on-startup=upgrade")) {
            HttpResponse<String> ahead = health(context);
            assertThat(ahead.statusCode()).as(ahead.body()).isEqualTo(200);
            assertThat(ahead.body()).contains("\"status\":\"AHEAD\"");
        }
    }

    @Test
    void theApplicationsOwnStatusOrderWins() throws Exception {
        try (ConfigurableApplicationContext context = start(
                "--management.endpoint.health.status.order=down,out-of-service,up,unknown")) {
            HttpResponse<String> response = health(context);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void theApplicationsOwnHttpMappingWins() throws Exception {
        try (ConfigurableApplicationContext context = start(
                "--management.endpoint.health.status.http-mapping.out-of-date=200")) {
            HttpResponse<String> response = health(context);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"OUT_OF_DATE\"");
        }
    }
}
