package dev.migrate.demo;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A packaged application run as a web server on a free port, its output in a log file; closing stops it. */
final class WebServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    private WebServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code java -jar jar arguments --server.port=...} and waits (at most 180 s) for {@code startedLine} in its log. */
    static WebServer start(Path jar, Path workingDirectory, Path log, String startedLine, String... arguments)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(DemoJar.java(), "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        command.add("--server.port=" + port);
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        WebServer server = new WebServer(process, port, log);
        try {
            Instant end = Instant.now().plus(Duration.ofSeconds(180));
            while (!server.log().contains(startedLine)) {
                assertThat(process.isAlive()).as("the web run ended:\n" + server.log()).isTrue();
                assertThat(Instant.now()).as("not started within 180 s:\n" + server.log()).isBefore(end);
                Thread.sleep(250);
            }
            return server;
        } catch (AssertionError | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
