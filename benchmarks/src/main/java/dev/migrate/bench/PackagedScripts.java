package dev.migrate.bench;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.runtime.RunResult;
import dev.migrate.script.ScriptIndex;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A chain's scripts packaged as an application ships them: in a jar under {@code db/migrations}, once without and
 * once with the {@link ScriptIndex} a build writes, each read through its own class loader as the starter reads
 * {@code classpath:db/migrations} at startup.
 */
final class PackagedScripts implements AutoCloseable {

    static final String LOCATION = "db/migrations";

    private final Path jar;
    private final URLClassLoader loader;

    private PackagedScripts(Path jar) throws IOException {
        this.jar = jar;
        this.loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, PackagedScripts.class.getClassLoader());
    }

    /** The scripts of {@code scripts} in a new jar {@code jar}, with the build's index when {@code indexed}. */
    static PackagedScripts of(Path scripts, Path jar, boolean indexed) throws IOException {
        Path staged = Files.createDirectories(jar.resolveSibling(jar.getFileName() + ".classes").resolve(LOCATION));
        List<Path> files;
        try (Stream<Path> listing = Files.list(scripts)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        for (Path file : files) {
            Files.copy(file, staged.resolve(file.getFileName()));
        }
        if (indexed) {
            ScriptIndex.write(staged);
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
             Stream<Path> listing = Files.list(staged)) {
            jarOut.putNextEntry(new JarEntry("db/"));
            jarOut.closeEntry();
            jarOut.putNextEntry(new JarEntry(LOCATION + "/"));
            jarOut.closeEntry();
            for (Path file : listing.sorted().toList()) {
                jarOut.putNextEntry(new JarEntry(LOCATION + "/" + file.getFileName()));
                Files.copy(file, jarOut);
                jarOut.closeEntry();
            }
        }
        return new PackagedScripts(jar);
    }

    /** What the starter does at startup with packaged scripts: {@code upgrade("head")}, checked to do nothing. */
    RunResult upgradeAtHead(DataSource dataSource, String head) {
        Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(dataSource).location("classpath:" + LOCATION)
                .classLoader(loader).build()).withPackagedScripts();
        RunResult result = migrate.upgrade("head");
        if (!result.steps().isEmpty() || !result.toHeads().equals(List.of(head))) {
            throw new IllegalStateException("not a no-op: " + result);
        }
        return result;
    }

    /** The floor with packaged scripts: read the version table and list the jar's scripts by name. */
    int readVersionAndList(DataSource dataSource) throws Exception {
        String head = null;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version_num FROM alembic_version")) {
            while (rows.next()) {
                head = rows.getString(1);
            }
        }
        int scripts = 0;
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = jarFile.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(LOCATION + "/") && name.endsWith(".sql")) {
                    scripts++;
                }
            }
        }
        return scripts + (head == null ? 0 : 1);
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
