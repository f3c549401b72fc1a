package dev.migrate.demo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code consumer-app/}, an application outside the reactor, built by Maven from this build's published artifacts
 * alone, as a user's build would after {@code ./mvnw install}: they go into a private local repository under
 * {@code target/} (never the shared one), whose only other source is the outer build's local repository as a
 * read-only mirror, for third-party artifacts. The jar then runs {@code db upgrade}, the startup upgrade and the
 * actuator endpoint over HTTP. A dependency a published pom forgets fails the build or the start; one it leaks from
 * the test scope shows in the jar; a stale copy of this project's artifacts taken from the mirror is refused.
 */
class ConsumerAppIT {

    /** The modules a user installs with {@code ./mvnw install} and depends on through the starter. */
    private static final List<String> PUBLISHED = List.of("migrate-core", "migrate-hibernate",
            "migrate-spring-boot-autoconfigure", "migrate-spring-boot-test", "migrate-spring-boot-starter",
            "migrate-spring-boot-launcher");
    private static final String HEAD = "5e1f0c2a9b3d";

    private static Path consumerJar;

    @TempDir
    Path temp;

    @BeforeAll
    static void buildTheConsumerFromThePublishedArtifacts() throws IOException {
        Path root = DemoJar.module().resolve("..").normalize();
        Path work = DemoJar.module().resolve("target/consumer-app-it");
        Path repository = work.resolve("repository");
        String version = System.getProperty("consumer.migrate-version", "0.1.0-SNAPSHOT");
        seed(root, repository, version);

        Path project = work.resolve("consumer-app");
        deleteRecursively(project);
        copyRecursively(root.resolve("consumer-app"), project);
        // Maven takes the nearest enclosing .mvn directory as the project root: not this repository's.
        Files.createDirectories(project.resolve(".mvn"));
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>outer-local-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(outerRepository().toUri()));

        DemoJar.Run build = DemoJar.process(project, List.of(maven(root), "-B", "-q", "-Dstyle.color=never",
                "-s", settings.toString(), "-Dmaven.repo.local=" + repository, "-Dmigrate.version=" + version,
                "-Dmaven.test.skip=true", "package"),
                // a short-lived build: the quick compiler and a small collector save a third of its time on two cores
                java.util.Map.of("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"));
        assertThat(build.exit()).as("the consumer's Maven build:\n" + build).isZero();

        try (Stream<Path> files = Files.walk(repository.resolve("dev/migrate"))) {
            assertThat(files.filter(file -> file.getFileName().toString().equals("_remote.repositories")))
                    .as("artifacts of this project taken from the outer repository instead of this build's").isEmpty();
        }
        consumerJar = project.resolve("target/consumer-app.jar");
    }

    @Test
    void theJarHoldsTheStarterAndItsRuntimeDependenciesOnly() throws IOException {
        List<String> libraries = new ArrayList<>();
        try (JarFile jar = new JarFile(consumerJar.toFile())) {
            jar.stream().map(entry -> entry.getName()).filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .forEach(name -> libraries.add(name.substring("BOOT-INF/lib/".length())));
        }
        assertThat(libraries).anyMatch(name -> name.startsWith("migrate-core-"))
                .anyMatch(name -> name.startsWith("migrate-spring-boot-autoconfigure-"))
                .anyMatch(name -> name.startsWith("migrate-spring-boot-starter-"))
                .anyMatch(name -> name.startsWith("spring-boot-jdbc-"))
                .as("no test-scope or optional dependency of the published poms")
                .noneMatch(name -> name.matches("(junit|assertj|mockito|archunit|hamcrest|spring-test|spring-boot-test"
                        + "|migrate-test-support|migrate-spring-boot-test|migrate-hibernate|hibernate-core"
                        + "|spring-shell).*"));
    }

    @Test
    void dbUpgradeRunsFromTheJar() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        DemoJar.Run upgrade = run(work, "db", "upgrade");
        assertThat(upgrade.exit()).as(upgrade.toString()).isZero();
        assertThat(upgrade.out()).as(upgrade.toString()).containsExactly("Running upgrade  -> " + HEAD + ", create greeting");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + work.resolve("consumer.db"))) {
            assertThat(DemoJar.names(connection, "SELECT version_num FROM alembic_version")).containsExactly(HEAD);
            assertThat(DemoJar.names(connection, "SELECT text FROM greeting")).containsExactly("Hello from a migrated database");
        }
    }

    @Test
    void theApplicationUpgradesAtStartupAndAnswersOnTheActuatorEndpoint() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        try (WebServer server = WebServer.start(consumerJar, work, temp.resolve("web.log"), "Started ConsumerApplication")) {
            assertThat(server.get("/greeting").body()).isEqualTo("Hello from a migrated database");
            HttpResponse<String> migrations = server.get("/actuator/migrations");
            assertThat(migrations.statusCode()).as(migrations.body()).isEqualTo(200);
            assertThat(migrations.body()).contains("\"currentHeads\":[\"" + HEAD + "\"]", "\"pending\":[]");
            assertThat(server.get("/actuator/health").body()).contains("\"status\":\"UP\"");
            assertThat(server.log()).contains("Running upgrade  -> " + HEAD + ", create greeting").doesNotContain("ERROR");
        }
    }

    /**
     * README "Running commands": packaged with the starter's jar layout as the README shows it, the jar's own launcher
     * answers {@code db --help} before Spring Boot starts; the application's start and its commands (the other tests)
     * go through it to Boot's launcher.
     */
    @Test
    void helpIsAnsweredByTheJarsLauncherBeforeSpringBootStarts() throws IOException {
        String readme = Files.readString(DemoJar.readme());
        String pom = Files.readString(DemoJar.module().resolve("../consumer-app/pom.xml"));
        for (String line : List.of("<layoutFactory implementation=\"dev.migrate.launch.MigrateLayoutFactory\"/>",
                "<artifactId>migrate-spring-boot-launcher</artifactId>")) {
            assertThat(readme).contains(line);
            assertThat(pom).contains(line);
        }
        try (JarFile jar = new JarFile(consumerJar.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.migrate.launch.MigrateJarLauncher");
            assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo("com.example.consumer.ConsumerApplication");
        }
        Path work = Files.createDirectories(temp.resolve("work"));
        Path classes = temp.resolve("help-classes.log");
        DemoJar.Run help = DemoJar.process(work, List.of(DemoJar.java(), "-Xlog:class+load=info:file=" + classes,
                "-jar", consumerJar.toString(), "db", "upgrade", "--help"));
        assertThat(help.exit()).as(help.toString()).isZero();
        assertThat(help.out()).as(help.toString()).startsWith("Usage: db upgrade [OPTIONS] [REVISION]");
        assertThat(Files.readString(classes)).contains("dev.migrate.launch.MigrateJarLauncher ")
                .doesNotContain("org.springframework.boot.SpringApplication ");
    }

    /** README "Using it in your own application": the Maven snippet is the consumer's, the Gradle one says the same. */
    @Test
    void theReadmeSnippetsAreTheConsumersDependencies() throws IOException {
        String readme = Files.readString(DemoJar.readme());
        int start = readme.indexOf("## Using it in your own application");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        String pom = Files.readString(DemoJar.module().resolve("../consumer-app/pom.xml"));
        String version = System.getProperty("consumer.migrate-version", "0.1.0-SNAPSHOT");

        String maven = section.substring(section.indexOf("```xml"), section.indexOf("```", section.indexOf("```xml") + 6));
        List<String> mavenCoordinates = coordinates(maven, "<groupId>([^<]+)</groupId>\\s*(?:<!--[^>]*-->\\s*)?"
                + "<artifactId>([^<]+)</artifactId>");
        assertThat(mavenCoordinates).contains("dev.migrate:migrate-spring-boot-starter", "org.postgresql:postgresql");
        for (String coordinate : mavenCoordinates) {
            String[] parts = coordinate.split(":");
            assertThat(pom).as(coordinate).containsPattern("<groupId>" + Pattern.quote(parts[0])
                    + "</groupId>\\s*<artifactId>" + Pattern.quote(parts[1]) + "</artifactId>");
        }
        assertThat(maven).contains("<version>" + version + "</version>");

        String gradle = section.substring(section.indexOf("```kotlin"), section.indexOf("```", section.indexOf("```kotlin") + 9));
        assertThat(coordinates(gradle, "\\(\"([^:\"]+):([^:\"]+)")).containsExactlyElementsOf(mavenCoordinates);
        assertThat(gradle).contains("dev.migrate:migrate-spring-boot-starter:" + version);
    }

    private static List<String> coordinates(String text, String pattern) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1) + ":" + matcher.group(2));
        }
        return found;
    }

    private DemoJar.Run run(Path work, String... arguments) {
        List<String> command = new ArrayList<>(List.of(DemoJar.java(), "-XX:TieredStopAtLevel=1", "-jar", consumerJar.toString()));
        command.addAll(List.of(arguments));
        return DemoJar.process(work, command);
    }

    /**
     * What {@code ./mvnw install} would put in {@code repository}: the parent pom, and each published module's pom
     * and jar as this build packaged them (replacing any earlier run's).
     */
    private static void seed(Path root, Path repository, String version) throws IOException {
        install(repository, "migrate-parent", version, root.resolve("pom.xml"), null);
        for (String module : PUBLISHED) {
            Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
            assertThat(jar).as("packaged by this build before the demo's integration tests (mvn verify)").isRegularFile();
            install(repository, module, version, root.resolve(module).resolve("pom.xml"), jar);
        }
    }

    private static void install(Path repository, String artifactId, String version, Path pom, Path jar) throws IOException {
        Path directory = Files.createDirectories(repository.resolve("dev/migrate").resolve(artifactId).resolve(version));
        Files.copy(pom, directory.resolve(artifactId + "-" + version + ".pom"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, directory.resolve(artifactId + "-" + version + ".jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The outer build's local repository: third-party artifacts, already there after the reactor's own build. */
    private static Path outerRepository() {
        return Path.of(System.getProperty("consumer.outer-repository",
                System.getProperty("user.home") + "/.m2/repository")).toAbsolutePath();
    }

    /** The Maven running this build, else this repository's wrapper. */
    private static String maven(Path root) {
        String home = System.getProperty("consumer.maven-home", "");
        Path mvn = Path.of(home, "bin", "mvn");
        return !home.isBlank() && Files.isExecutable(mvn) ? mvn.toString() : root.resolve("mvnw").toString();
    }

    /** {@code source} without its {@code target} directory (a build of it in place). */
    private static void copyRecursively(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path relative = source.relativize(file);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
