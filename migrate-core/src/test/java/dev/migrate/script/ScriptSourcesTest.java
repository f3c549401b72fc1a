package dev.migrate.script;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptSourcesTest {

    @TempDir
    Path tmp;

    @Test
    void aDirectoryListsItsSqlFilesByName() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("migrations"));
        Files.writeString(dir.resolve("b2_second.sql"), "b");
        Files.writeString(dir.resolve("a1_first.sql"), "a");
        Files.writeString(dir.resolve(ScriptDirectory.TEMPLATE_FILE), "t");
        Files.writeString(dir.resolve("README"), "r");
        Files.createDirectories(dir.resolve("nested.sql"));
        Files.writeString(Files.createDirectories(dir.resolve("sub")).resolve("c3.sql"), "c");

        List<ScriptResource> resources = new DirectoryScriptSource(dir).list();

        assertThat(resources).extracting(ScriptResource::fileName).containsExactly("a1_first.sql", "b2_second.sql");
        assertThat(resources.get(0).location()).isEqualTo(dir.resolve("a1_first.sql").toString());
        assertThat(read(resources.get(1))).isEqualTo("b");
    }

    @Test
    void aMissingDirectorySaysToRunInit() {
        Path missing = tmp.resolve("nope");
        assertThatThrownBy(() -> new DirectoryScriptSource(missing).list())
                .isInstanceOf(ScriptException.class)
                .hasMessage(missing + ": no such script directory; run \"db init\" to create it,"
                        + " or point the script location at an existing one");
    }

    @Test
    void aClasspathLocationMergesDirectoriesAndJars() throws IOException {
        Path classes = tmp.resolve("classes");
        Path dir = Files.createDirectories(classes.resolve("db/migrations"));
        Files.writeString(dir.resolve("b2_from_dir.sql"), "from dir");
        Path jar = jar(tmp.resolve("scripts.jar"), Map.of(
                "db/migrations/a1_from_jar.sql", "from jar",
                "db/migrations/c3_also_jar.sql", "also jar",
                "db/migrations/deeper/x.sql", "not listed",
                "db/migrations/notes.txt", "not listed",
                "db/other/y.sql", "not listed"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), jar.toUri().toURL()}, null)) {
            ScriptSource source = ScriptSources.of("classpath:/db/migrations/", loader);
            List<ScriptResource> resources = source.list();

            assertThat(source.description()).isEqualTo("classpath:db/migrations");
            assertThat(resources).extracting(ScriptResource::fileName)
                    .containsExactly("a1_from_jar.sql", "b2_from_dir.sql", "c3_also_jar.sql");
            assertThat(resources.get(0).location()).startsWith("jar:file:").endsWith("scripts.jar!/db/migrations/a1_from_jar.sql");
            assertThat(resources.get(1).location()).isEqualTo(dir.resolve("b2_from_dir.sql").toString());
            assertThat(resources).extracting(ScriptSourcesTest::read).containsExactly("from jar", "from dir", "also jar");
        }
    }

    @Test
    void scriptsInAJarLoadAndSplit() throws IOException {
        Path jar = jar(tmp.resolve("app.jar"), Map.of(
                "db/migrations/a1_base.sql", Scripts.script("a1", "", "CREATE TABLE t (x INT);"),
                "db/migrations/b2_next.sql", Scripts.script("b2", "a1", "INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);")));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ScriptSet set = new ScriptLoader().load(List.of(ScriptSources.of("classpath:db/migrations", loader)), List.of());

            assertThat(set.byId()).containsOnlyKeys("a1", "b2");
            assertThat(((SqlMigrationScript) set.get("b2")).upgradeStatements()).hasSize(2);
        }
    }

    @Test
    void aJarOfFileEntriesAloneIsListed() throws IOException {
        Path jar = flatJar(tmp.resolve("flat.jar"), Map.of(
                "db/migrations/a1_flat.sql", "a",
                "db/migrations/b2_flat.sql", "b",
                "db/migrations/deeper/x.sql", "not listed",
                "db/other/y.sql", "not listed"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<ScriptResource> resources = ScriptSources.of("classpath:db/migrations", loader).list();

            assertThat(resources).extracting(ScriptResource::fileName).containsExactly("a1_flat.sql", "b2_flat.sql");
            assertThat(resources.get(0).location()).startsWith("jar:file:").endsWith("flat.jar!/db/migrations/a1_flat.sql");
            assertThat(resources).extracting(ScriptSourcesTest::read).containsExactly("a", "b");
        }
    }

    @Test
    void aJarOfFileEntriesWithItsIndexBesideADirectoryAndAJarWithDirectoriesIsListedToo() throws IOException {
        Path classes = tmp.resolve("classes");
        Path dir = Files.createDirectories(classes.resolve("db/migrations"));
        Files.writeString(dir.resolve("b2_from_dir.sql"), "from dir");
        Path jar = jar(tmp.resolve("scripts.jar"), Map.of("db/migrations/c3_from_jar.sql", "from jar"));
        Path flatIndexed = Files.createDirectories(tmp.resolve("indexed/db/migrations"));
        Files.writeString(flatIndexed.resolve("d4_from_indexed.sql"), Scripts.script("d4", "", "SELECT 1;"));
        ScriptIndex.write(flatIndexed);
        Path indexed = flatJar(tmp.resolve("indexed.jar"), Map.of(
                "db/migrations/d4_from_indexed.sql", Files.readString(flatIndexed.resolve("d4_from_indexed.sql")),
                "db/migrations/" + ScriptIndex.FILE_NAME, Files.readString(flatIndexed.resolve(ScriptIndex.FILE_NAME))));

        URL[] roots = {classes.toUri().toURL(), jar.toUri().toURL(), indexed.toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(roots, null)) {
            List<ScriptResource> resources = ScriptSources.of("classpath:db/migrations", loader).list();

            assertThat(resources).extracting(ScriptResource::fileName)
                    .containsExactly("b2_from_dir.sql", "c3_from_jar.sql", "d4_from_indexed.sql");
            assertThat(resources.get(2).indexed()).isNotNull();
        }
    }

    @Test
    void aJarOfFileEntriesFoundThroughAParentLoaderIsListed() throws IOException {
        Path flat = flatJar(tmp.resolve("flat.jar"), Map.of("db/migrations/a1_flat.sql", "a"));
        try (URLClassLoader parent = new URLClassLoader(new URL[] {flat.toUri().toURL()}, null);
             URLClassLoader child = new URLClassLoader(new URL[0], parent)) {
            assertThat(ScriptSources.of("classpath:db/migrations", child).list())
                    .extracting(ScriptResource::fileName).containsExactly("a1_flat.sql");
        }
    }

    @Test
    void aLocationFoundNowhereListsNothing() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
            assertThat(ScriptSources.of("classpath:db/migrations", loader).list()).isEmpty();
        }
    }

    @Test
    void locationsAreParsed() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(ScriptSources.of("filesystem:" + tmp, loader)).isEqualTo(new DirectoryScriptSource(tmp));
        assertThat(ScriptSources.of(tmp.toString(), loader)).isEqualTo(new DirectoryScriptSource(tmp));
        assertThat(ScriptSources.of("classpath:db/migrations", loader)).isInstanceOf(ClasspathScriptSource.class);
        assertThatThrownBy(() -> ScriptSources.of(" ", loader)).isInstanceOf(ScriptException.class);
    }

    /** A jar with directory entries for every parent, as Maven and Spring Boot build them. */
    static Path jar(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            Set<String> directories = new TreeSet<>();
            for (String name : entries.keySet()) {
                for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                    directories.add(name.substring(0, slash + 1));
                }
            }
            for (String directory : directories) {
                jar.putNextEntry(new JarEntry(directory));
                jar.closeEntry();
            }
            for (var entry : new TreeMap<>(entries).entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }

    /** A jar of file entries alone, without a directory entry, as Bazel or {@code zip -D} write them. */
    static Path flatJar(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (var entry : new TreeMap<>(entries).entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }

    private static String read(ScriptResource resource) {
        try (InputStream in = resource.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
