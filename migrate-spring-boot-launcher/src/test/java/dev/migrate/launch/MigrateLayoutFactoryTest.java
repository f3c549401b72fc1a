package dev.migrate.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.loader.tools.Libraries;
import org.springframework.boot.loader.tools.Repackager;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MigrateLayoutFactoryTest {

    @TempDir
    Path temp;

    @Test
    void bootsRepackagingWithTheFactoryMakesTheLauncherTheMainClassAndKeepsBootsJar() throws IOException {
        Path jar = temp.resolve("app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("example/Application.class"));
            out.closeEntry();
        }
        Repackager repackager = new Repackager(jar.toFile());
        repackager.setMainClass("example.Application");
        repackager.setLayoutFactory(new MigrateLayoutFactory());
        repackager.repackage(Libraries.NONE);

        try (JarFile repackaged = new JarFile(jar.toFile())) {
            Attributes attributes = repackaged.getManifest().getMainAttributes();
            assertThat(attributes.getValue("Main-Class")).isEqualTo(MigrateJarLauncher.class.getName());
            assertThat(attributes.getValue("Start-Class")).isEqualTo("example.Application");
            assertThat(repackaged.getEntry("org/springframework/boot/loader/launch/JarLauncher.class")).isNotNull();
            assertThat(repackaged.getEntry("BOOT-INF/classes/example/Application.class")).isNotNull();
            for (String launcherClass : MigrateLayoutFactory.LAUNCHER_CLASSES) {
                assertThat(repackaged.getEntry(launcherClass)).as(launcherClass).isNotNull();
            }
        }
    }

    /** A class added to the launcher (a nested or anonymous one) must be written into the jar too. */
    @Test
    void everyClassOfTheLauncherIsWritten() throws IOException, URISyntaxException {
        Path classes = Path.of(MigrateJarLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path launch = classes.resolve("dev/migrate/launch");
        try (Stream<Path> files = Files.list(launch)) {
            assertThat(files.map(file -> "dev/migrate/launch/" + file.getFileName())
                    .filter(name -> !name.startsWith("dev/migrate/launch/MigrateLayoutFactory"))).as("in %s", launch)
                    .containsExactlyInAnyOrderElementsOf(MigrateLayoutFactory.LAUNCHER_CLASSES);
        }
    }
}
