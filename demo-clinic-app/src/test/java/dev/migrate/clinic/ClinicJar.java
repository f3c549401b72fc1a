package dev.migrate.clinic;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** The packaged clinic, run as {@code java -jar demo-clinic-app.jar ...} in a working directory of the test's. */
final class ClinicJar {

    /** What a run printed and how it ended. */
    record Run(int exit, List<String> out, List<String> err) {

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + String.join("\n", out) + "\n--- stderr\n" + String.join("\n", err);
        }
    }

    private final Path jar;

    ClinicJar(Path jar) {
        this.jar = jar;
    }

    /** The jar {@code mvn package} built (the *IT classes run in integration-test, after it). */
    static ClinicJar packaged() {
        Path jar = Path.of(System.getProperty("clinic.jar", "target/demo-clinic-app.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the *IT tests run after package (mvn verify)");
        }
        return new ClinicJar(jar);
    }

    /**
     * {@code java -jar} in {@code directory}, standard input empty, at most 180 s; C1 only, as the demo's process
     * tests: each run is a short-lived JVM, which C2 compilation only slows down on two cores.
     */
    Run run(Path directory, List<String> databaseArguments, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        command.addAll(databaseArguments);
        try {
            Path out = Files.createTempFile(directory.getParent(), "out", ".txt");
            Path err = Files.createTempFile(directory.getParent(), "err", ".txt");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not end within 180 s: " + command + "\n" + Files.readString(out) + Files.readString(err));
            }
            return new Run(process.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A copy of this jar in {@code work} with one entity's source compiled into it, as {@code mvn package} after the
     * edit would build it: {@code javac} against the jar's own classes and its JPA API jar, nothing else rebuilt.
     */
    ClinicJar withEntity(Path work, String simpleName, String source) throws IOException {
        Path classes = Files.createDirectories(work.resolve("jar-classes"));
        Path libraries = Files.createDirectories(work.resolve("jar-lib"));
        List<String> classpath = new ArrayList<>(List.of(classes.toString()));
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.startsWith("BOOT-INF/classes/") && !entry.isDirectory()) {
                    Path file = classes.resolve(name.substring("BOOT-INF/classes/".length()));
                    Files.createDirectories(file.getParent());
                    Files.copy(zip, file);
                } else if (name.startsWith("BOOT-INF/lib/jakarta.persistence-api")) {
                    Path library = libraries.resolve(Path.of(name).getFileName().toString());
                    Files.copy(zip, library);
                    classpath.add(library.toString());
                }
            }
        }
        Path sources = Files.createDirectories(work.resolve("edited-sources"));
        Path file = sources.resolve(simpleName + ".java");
        Files.writeString(file, source);
        Path compiled = Files.createDirectories(work.resolve("edited-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
        int status = javac.run(InputStream.nullInputStream(), diagnostics, diagnostics, "-d", compiled.toString(), "-cp",
                String.join(File.pathSeparator, classpath), "--release", "17", "-parameters", file.toString());
        if (status != 0) {
            throw new AssertionError("javac of the edited " + simpleName + ":\n" + diagnostics);
        }
        Path copy = work.resolve("demo-clinic-app.jar");
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + copy.toUri()), Map.of());
             var files = Files.walk(compiled)) {
            for (Path classFile : files.filter(Files::isRegularFile).toList()) {
                Path target = zip.getPath("BOOT-INF/classes/" + compiled.relativize(classFile));
                Files.copy(classFile, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new ClinicJar(copy);
    }
}
