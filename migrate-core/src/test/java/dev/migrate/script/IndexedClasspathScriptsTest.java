package dev.migrate.script;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Resources that are neither files nor jar entries, as in a GraalVM native image ({@code resource:} URLs): the
 * location cannot be listed, so the script index that the build writes next to the scripts names them.
 */
class IndexedClasspathScriptsTest {

    @TempDir
    Path tmp;

    @Test
    void theIndexNamesTheScriptsOfALocationThatCannotBeListed() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("db/migrations"));
        Files.writeString(dir.resolve("a1_base.sql"), Scripts.script("a1", "", "CREATE TABLE t (x INT);"));
        Files.writeString(dir.resolve("b2_next.sql"),
                Scripts.script("b2", "a1", "INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);"));
        ScriptIndex.write(dir);
        MemoryClassLoader loader = new MemoryClassLoader(Map.of(
                "db/migrations/a1_base.sql", Files.readString(dir.resolve("a1_base.sql")),
                "db/migrations/b2_next.sql", Files.readString(dir.resolve("b2_next.sql")),
                "db/migrations/" + ScriptIndex.FILE_NAME, Files.readString(dir.resolve(ScriptIndex.FILE_NAME)),
                "db/migrations/deeper/c3.sql", "not listed"));

        ScriptSource source = ScriptSources.of("classpath:db/migrations", loader);
        List<ScriptResource> resources = source.list();
        ScriptSet set = new ScriptLoader().load(List.of(source), List.of());

        assertThat(resources).extracting(ScriptResource::fileName).containsExactly("a1_base.sql", "b2_next.sql");
        assertThat(resources.get(0).location()).isEqualTo("memory:/db/migrations/a1_base.sql");
        assertThat(set.byId()).containsOnlyKeys("a1", "b2");
        assertThat(((SqlMigrationScript) set.get("b2")).upgradeStatements()).hasSize(2);
    }

    @Test
    void theIndexIsFoundWhereTheLocationsDirectoryIsNotAResource() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("db/migrations"));
        Files.writeString(dir.resolve("a1_base.sql"), Scripts.script("a1", "", "CREATE TABLE t (x INT);"));
        ScriptIndex.write(dir);
        MemoryClassLoader loader = new MemoryClassLoader(Map.of(
                "db/migrations/a1_base.sql", Files.readString(dir.resolve("a1_base.sql")),
                "db/migrations/" + ScriptIndex.FILE_NAME, Files.readString(dir.resolve(ScriptIndex.FILE_NAME))));
        loader.directories = false;

        List<ScriptResource> resources = ScriptSources.of("classpath:db/migrations", loader).list();

        assertThat(resources).extracting(ScriptResource::location).containsExactly("memory:/db/migrations/a1_base.sql");
    }

    @Test
    void withoutAnIndexTheErrorSaysToWriteItAtBuildTime() {
        MemoryClassLoader loader = new MemoryClassLoader(Map.of("db/migrations/a1_base.sql", "x"));

        assertThatThrownBy(() -> ScriptSources.of("classpath:db/migrations", loader).list())
                .isInstanceOf(ScriptException.class)
                .hasMessage("classpath:db/migrations: cannot list scripts at memory:/db/migrations (protocol \"memory\")"
                        + " and there is no db/migrations/migrate.index; write the index at build time with"
                        + " dev.migrate.script.ScriptIndex <output directory>/db/migrations, or use a filesystem: location");
    }

    /** A class loader whose resources are {@code memory:} URLs, as GraalVM's are {@code resource:} URLs. */
    private static final class MemoryClassLoader extends ClassLoader {

        private final Map<String, byte[]> resources = new TreeMap<>();
        /** Whether a directory is a resource too (GraalVM keeps one only when it is registered). */
        private boolean directories = true;
        private final URLStreamHandler handler = new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) {
                // as other handlers, it connects when read: opening a connection finds nothing yet
                return new URLConnection(url) {
                    @Override
                    public void connect() throws IOException {
                        getInputStream();
                    }

                    @Override
                    public InputStream getInputStream() throws IOException {
                        String name = url.getPath().substring(1);
                        if (getResource(name) == null) {
                            throw new FileNotFoundException(url.toString());
                        }
                        // a directory reads as the names in it, one a line, as GraalVM's resource: URLs do
                        return new ByteArrayInputStream(resources.containsKey(name) ? resources.get(name)
                                : String.join("\n", resources.keySet().stream().filter(key -> key.startsWith(name + "/"))
                                        .map(key -> key.substring(name.length() + 1)).toList()).getBytes(StandardCharsets.UTF_8));
                    }
                };
            }
        };

        MemoryClassLoader(Map<String, String> texts) {
            super(null);
            texts.forEach((name, text) -> resources.put(name, text.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public URL getResource(String name) {
            boolean exists = resources.containsKey(name)
                    || directories && resources.keySet().stream().anyMatch(key -> key.startsWith(name + "/"));
            return exists ? url(name) : null;
        }

        @Override
        public Enumeration<URL> getResources(String name) {
            URL url = getResource(name);
            return Collections.enumeration(url == null ? List.of() : List.of(url));
        }

        private URL url(String name) {
            try {
                return new URL("memory", null, -1, "/" + name, handler);
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
