package dev.migrate.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplicationAotProcessor;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo processed ahead of time, as {@code process-aot} does for a native image, and run on the JVM with
 * {@code -Dspring.aot.enabled=true}: the generated bean definitions (the db commands among them) start the
 * application, which upgrades its SQLite database at startup and answers {@code db} commands at the prompt and as
 * one-shot commands ({@code java ... db current}).
 */
class AheadOfTimeDemoTest {

    @TempDir
    Path tmp;

    @Test
    void theDemoProcessedAheadOfTimeUpgradesAtStartupAndRunsDbCommands() throws IOException {
        String classPath = System.getProperty("java.class.path");
        Path sources = tmp.resolve("aot/sources");
        Path resources = tmp.resolve("aot/resources");
        Path classes = tmp.resolve("aot/classes");
        Path work = Files.createDirectories(tmp.resolve("work"));

        DemoJar.Run processing = DemoJar.process(work, List.of(DemoJar.java(), "-XX:TieredStopAtLevel=1", "-cp", classPath,
                SpringApplicationAotProcessor.class.getName(), BlogApplication.class.getName(), sources.toString(),
                resources.toString(), classes.toString(), "dev.migrate", "demo-blog-app"));
        assertThat(processing.exit()).as(processing.toString()).isZero();
        compile(sources, classes, classPath);

        Path input = Files.writeString(tmp.resolve("input.txt"), "db current\ndb history\nexit\n");
        Path database = tmp.resolve("blog.db");
        DemoJar.Run run = DemoJar.process(work, List.of(DemoJar.java(), "-XX:TieredStopAtLevel=1", "-Dspring.aot.enabled=true",
                "-Dspring.datasource.url=jdbc:sqlite:" + database,
                "-cp", classes + File.pathSeparator + resources + File.pathSeparator + classPath,
                BlogApplication.class.getName()), Map.of(), input);

        String output = String.join("\n", run.out()) + "\n" + String.join("\n", run.err());
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(output).as(run.toString())
                .contains("Starting AOT-processed BlogApplication", "Running upgrade  -> 9a0e4c7b1f22")
                .contains("c41d9e0a7b58 (head)", "<base> -> 9a0e4c7b1f22, DB initial migration");
        assertThat(DemoJar.sqliteTables(database)).contains("alembic_version", "article");

        // the one-shot command line: the build ran without a db command, so its beans were fixed without the runner
        DemoJar.Run command = DemoJar.process(work, List.of(DemoJar.java(), "-XX:TieredStopAtLevel=1",
                "-Dspring.aot.enabled=true", "-Dspring.datasource.url=jdbc:sqlite:" + database,
                "-cp", classes + File.pathSeparator + resources + File.pathSeparator + classPath,
                BlogApplication.class.getName(), "db", "current"));
        assertThat(command.exit()).as(command.toString()).isZero();
        assertThat(command.out()).as(command.toString()).containsExactly("c41d9e0a7b58 (head)");
    }

    /** Compiles the generated sources next to the generated classes, as the build's AOT compile step does. */
    private static void compile(Path sources, Path classes, String classPath) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-proc:none", "-nowarn", "-d", classes.toString(),
                "-cp", classes + File.pathSeparator + classPath));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, arguments.toArray(String[]::new));
        assertThat(status).as(errors.toString()).isZero();
    }
}
