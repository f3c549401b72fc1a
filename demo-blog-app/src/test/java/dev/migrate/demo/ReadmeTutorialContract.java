package dev.migrate.demo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's tutorial, run as written on the packaged jar: each {@code $} line through {@code bash} in
 * a copy of the repository's layout (the demo module's sources and scripts, {@code target/demo-blog-app.jar}),
 * its output compared with the README's. One step is replaced, and only one: the rebuild after the model
 * edit ({@code ../mvnw ... package}, a nested Maven build of minutes) becomes "compile the edited model
 * with the JDK's compiler against the migrate-core jar inside the demo's jar, and put the class into a copy
 * of the jar". So the model the tutorial shows is really compiled, really scanned by the packaged app, and
 * {@code db migrate} really writes the script the README shows.
 */
abstract class ReadmeTutorialContract {

    @TempDir
    Path temp;

    Path repository;

    /** Arguments added to every {@code java -jar} command of the tutorial (the database to use). */
    abstract List<String> databaseArguments();

    /** Where {@code db migrate} writes, relative to the demo module. */
    abstract String scriptDirectory();

    /** The generated script's body as this database's renderer spells it, from the README's. */
    String expectedScript(String readmeScript) {
        return readmeScript;
    }

    /** The tutorial's expected output on this database, from the README's (SQLite's). */
    List<String> expectedOutput(List<String> readmeOutput) {
        return readmeOutput;
    }

    @BeforeEach
    void copyTheRepositoryLayout() throws IOException {
        repository = Files.createDirectories(temp.resolve("repository"));
        Path module = repository.resolve("demo-blog-app");
        copyTree(DemoJar.module().resolve("src/main/java/dev/migrate/demo/model"), module.resolve("src/main/java/dev/migrate/demo/model"));
        copyTree(DemoJar.migrations(), module.resolve("src/main/resources/db/migrations"));
        Files.createDirectories(module.resolve("target"));
        Files.copy(DemoJar.jar(), module.resolve("target/demo-blog-app.jar"));
    }

    @Test
    void theTutorialRunsAsWrittenAndTheDemoSurvivesDowngradeToBaseAndUpgrade() throws IOException {
        List<ReadmeTutorial.Step> steps = ReadmeTutorial.steps();
        assertThat(steps).as("the README's tutorial steps").hasSizeGreaterThan(10);
        Path directory = repository;
        boolean edited = false;
        boolean scriptChecked = false;
        for (ReadmeTutorial.Step step : steps) {
            if (step instanceof ReadmeTutorial.Edit edit) {
                Files.writeString(repository.resolve(edit.path()), edit.content());
                edited = true;
            } else if (step instanceof ReadmeTutorial.Script script) {
                assertThat(body(generatedScript(directory, script.name())))
                        .isEqualTo(expectedScript(script.body().stripTrailing()));
                scriptChecked = true;
            } else if (step instanceof ReadmeTutorial.Command command && command.line().startsWith("cd ")) {
                directory = directory.resolve(command.line().substring(3).strip()).normalize();
            } else if (step instanceof ReadmeTutorial.Command command && command.line().contains("mvnw")
                    && command.line().contains("package")) {
                rebuild(directory);
            } else if (step instanceof ReadmeTutorial.Command command) {
                DemoJar.Run run = shell(directory, command.line());
                assertThat(run.exit()).as("$ " + command.line() + "\n" + run).isZero();
                assertThat(run.err()).as("$ " + command.line() + "\n" + run).isEmpty();
                List<String> expected = expectedOutput(command.expectedOutput());
                assertThat(ReadmeTutorial.matches(expected, run.out()))
                        .as("$ " + command.line() + "\nexpected (README):\n" + String.join("\n", expected) + "\nactual:\n" + run)
                        .isTrue();
            }
        }
        assertThat(edited).as("the tutorial edits a model").isTrue();
        assertThat(scriptChecked).as("the tutorial shows the generated script").isTrue();

        // beyond the README: down to base and up again, then the demo still works, search included
        assertSucceeded(directory, "java -jar target/demo-blog-app.jar db downgrade base");
        assertThat(assertSucceeded(directory, "java -jar target/demo-blog-app.jar db upgrade")).hasSize(5);
        assertThat(assertSucceeded(directory, "java -jar target/demo-blog-app.jar seed-db"))
                .containsExactly("Seeded the database: 5 new article(s), 5 in all.");
        assertThat(assertSucceeded(directory, "java -jar target/demo-blog-app.jar article search pelicans"))
                .containsExactly("   2  Bird migration");
        assertThat(assertSucceeded(directory, "java -jar target/demo-blog-app.jar db check"))
                .containsExactly("No new upgrade operations detected.");
    }

    private List<String> assertSucceeded(Path directory, String line) throws IOException {
        DemoJar.Run run = shell(directory, line);
        assertThat(run.exit()).as(line + "\n" + run).isZero();
        assertThat(run.err()).as(line + "\n" + run).isEmpty();
        return run.out();
    }

    /** One README line through bash, with this database's arguments after a {@code java -jar} command. */
    DemoJar.Run shell(Path directory, String line) throws IOException {
        String command = line.startsWith("java -jar ") ? line + " " + String.join(" ", databaseArguments()) : line;
        String path = quickJava() + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return DemoJar.process(directory, List.of("bash", "-c", "PATH='" + path + "' " + command));
    }

    /**
     * A directory whose {@code java} is this JDK's with the JIT's first tier only: the README's line runs as
     * written, in half the CPU time (each run is a short-lived JVM, which C2 compilation only slows down on
     * two cores), and nothing is printed that the line itself would not print.
     */
    private String quickJava() throws IOException {
        Path bin = temp.resolve("quick-java");
        Path java = bin.resolve("java");
        if (!Files.exists(java)) {
            Files.createDirectories(bin);
            Files.writeString(java, "#!/bin/sh\nexec '" + DemoJar.java() + "' -XX:TieredStopAtLevel=1 \"$@\"\n");
            java.toFile().setExecutable(true);
        }
        return bin.toString();
    }

    private Path generatedScript(Path module, String name) throws IOException {
        try (Stream<Path> files = Files.list(module.resolve(scriptDirectory()))) {
            List<Path> found = files.filter(file -> file.getFileName().toString().endsWith("_" + name + ".sql")).toList();
            assertThat(found).as("the script db migrate wrote").hasSize(1);
            return found.get(0);
        }
    }

    private static String body(Path script) throws IOException {
        String text = Files.readString(script);
        return text.substring(text.indexOf("-- migrate:upgrade")).stripTrailing();
    }

    /**
     * The tutorial's {@code ../mvnw -q -B -DskipTests package}: the edited model classes compiled with
     * {@code javax.tools} against the jar's own migrate-core, and written into {@code target/demo-blog-app.jar}.
     */
    private void rebuild(Path module) throws IOException {
        Path jar = module.resolve("target/demo-blog-app.jar");
        Path libraries = Files.createDirectories(temp.resolve("jar-lib"));
        List<String> classpath = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().startsWith("BOOT-INF/lib/migrate-core")) {
                    Path library = libraries.resolve(Path.of(entry.getName()).getFileName().toString());
                    Files.copy(zip, library);
                    classpath.add(library.toString());
                }
            }
        }
        assertThat(classpath).as("migrate-core inside the demo's jar").isNotEmpty();
        Path classes = Files.createDirectories(temp.resolve("rebuilt-classes"));
        List<String> sources;
        try (Stream<Path> files = Files.list(module.resolve("src/main/java/dev/migrate/demo/model"))) {
            sources = files.map(Path::toString).filter(name -> name.endsWith(".java")).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", String.join(":", classpath),
                "--release", "17", "-parameters"));
        arguments.addAll(sources);
        int status = javac.run(InputStream.nullInputStream(), diagnostics, diagnostics, arguments.toArray(String[]::new));
        assertThat(status).as("javac of the tutorial's model:\n" + diagnostics).isZero();
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of());
             Stream<Path> compiled = Files.walk(classes)) {
            for (Path file : compiled.filter(Files::isRegularFile).toList()) {
                Path target = zip.getPath("BOOT-INF/classes/" + classes.relativize(file));
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void copyTree(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
