package dev.migrate.launch;

import dev.migrate.shell.DbCommandExecutor;
import dev.migrate.shell.DbConsole;
import dev.migrate.shell.DbVerb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrateJarLauncherTest {

    @TempDir
    Path temp;

    /** Every help request the starter answers: the overview in all its spellings, and every command's own help. */
    private static List<List<String>> helpRequests() {
        List<List<String>> requests = new ArrayList<>(List.of(List.of(), List.of("--help"), List.of("-h"), List.of("help"),
                List.of("revision", "-m", "two words", "--help"), List.of("downgrade", "-2", "--help")));
        for (DbVerb verb : DbVerb.values()) {
            requests.add(List.of(verb.verb(), "--help"));
            requests.add(List.of(verb.verb(), "-h"));
        }
        return requests;
    }

    @Test
    void everyHelpIsTheTextTheApplicationPrintsForIt() throws IOException {
        Path jar = executableJar(true);
        for (List<String> words : helpRequests()) {
            for (List<String> bootArguments : List.of(List.<String>of(), List.of("--spring.datasource.url=jdbc:sqlite:x.db"))) {
                List<String> args = new ArrayList<>(List.of("db"));
                args.addAll(words);
                args.addAll(bootArguments);
                assertThat(MigrateJarLauncher.mayAskForHelp(args.toArray(String[]::new))).as("db %s", words).isTrue();

                List<String> printed = new ArrayList<>();
                int status = new DbCommandExecutor(null).execute(words, new Recording(printed));
                assertThat(status).isZero();
                assertThat(MigrateJarLauncher.help(jar, args.toArray(String[]::new))).as("db %s", args)
                        .isEqualTo(String.join(System.lineSeparator(), printed));
            }
        }
    }

    @Test
    void commandsUsageErrorsAndOtherRunsAreLeftToTheApplication() throws IOException {
        Path jar = executableJar(true);
        for (String[] args : List.of(new String[] {"db", "current"}, new String[] {"db", "upgrade", "--frob", "--help"},
                new String[] {"db", "nosuch", "--help"}, new String[] {"--help"}, new String[] {"upgrade", "--help"})) {
            assertThat(MigrateJarLauncher.help(jar, args)).as(String.join(" ", args)).isNull();
        }
        for (String[] args : List.of(new String[0], new String[] {"--server.port=0"}, new String[] {"db", "current"},
                new String[] {"db", "upgrade", "head"}, new String[] {"--help"})) {
            assertThat(MigrateJarLauncher.mayAskForHelp(args)).as("the jar is not read for %s", List.of(args)).isFalse();
        }
        assertThat(MigrateJarLauncher.help(executableJar(false), new String[] {"db", "--help"}))
                .as("no starter in the jar: the application answers").isNull();
        assertThat(MigrateJarLauncher.help(null, new String[] {"db", "--help"})).as("not run from a jar").isNull();
    }

    /** The help's class loader holds the starter's classes over the JDK's: no part of Spring can start from it. */
    @Test
    void theHelpCannotReachSpring() {
        ClassLoader loader = new MigrateJarLauncher.PackagedClasses(Map.of());
        assertThatThrownBy(() -> loader.loadClass("org.springframework.boot.SpringApplication"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    /** A jar laid out as Boot packages an application, with (or without) the starter's auto-configuration jar. */
    private Path executableJar(boolean withStarter) throws IOException {
        Path jar = temp.resolve(withStarter ? "app.jar" : "plain.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("BOOT-INF/classes/application.properties"));
            out.closeEntry();
            if (withStarter) {
                byte[] nested = autoConfigurationJar();
                JarEntry entry = new JarEntry(MigrateJarLauncher.AUTOCONFIGURE_JAR_PREFIX + "1.0.jar");
                // Boot stores nested jars uncompressed.
                CRC32 crc = new CRC32();
                crc.update(nested);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(nested.length);
                entry.setCrc(crc.getValue());
                out.putNextEntry(entry);
                out.write(nested);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The auto-configuration module's classes, from its jar or its build's class directory. */
    private byte[] autoConfigurationJar() throws IOException {
        Path location;
        try {
            location = Path.of(DbVerb.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isRegularFile(location)) {
            return Files.readAllBytes(location);
        }
        Map<String, byte[]> classes = new HashMap<>();
        try (Stream<Path> files = Files.walk(location)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                classes.put(location.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        Path nested = temp.resolve("autoconfigure.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(nested))) {
            for (Map.Entry<String, byte[]> file : classes.entrySet()) {
                out.putNextEntry(new JarEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        try (JarFile check = new JarFile(nested.toFile())) {
            assertThat(check.getEntry("dev/migrate/shell/DbHelp.class")).isNotNull();
        }
        return Files.readAllBytes(nested);
    }

    private record Recording(List<String> out) implements DbConsole {

        @Override
        public void out(String text) {
            out.add(text);
        }

        @Override
        public void err(String text) {
            throw new AssertionError("help wrote to the error stream: " + text);
        }

        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public boolean confirm(String question) {
            throw new AssertionError(question);
        }
    }
}
