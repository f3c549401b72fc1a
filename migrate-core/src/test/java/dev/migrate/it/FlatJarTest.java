package dev.migrate.it;

import dev.migrate.command.MigrateException;
import dev.migrate.runtime.RunResult;
import dev.migrate.script.ScriptIndex;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scripts packaged in a jar that has file entries only, no {@code db/} nor {@code db/migrations/} directory entry
 * (Bazel's deploy jars, {@code zip -D}, some shading and reproducible-build settings): the class loader cannot find
 * the location itself, and the scripts must still be found, with and without the build's {@code migrate.index}.
 */
class FlatJarTest {

    private static final String A = "f00000000001";
    private static final String B = "f00000000002";

    @TempDir
    Path tmp;

    private ScriptFiles files;

    private void scripts() {
        files = new ScriptFiles(tmp.resolve("classes/db/migrations"));
        files.write(A, "", "one", "CREATE TABLE flat_one (id INTEGER);", "DROP TABLE flat_one;");
        files.write(B, A, "two", "CREATE TABLE flat_two (id INTEGER);", "DROP TABLE flat_two;");
    }

    /** The script directory as a jar of file entries alone. */
    private Path flatJar() throws IOException {
        Path jar = tmp.resolve("flat-" + System.nanoTime() + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out);
             var scripts = Files.list(files.directory())) {
            for (Path file : scripts.sorted().toList()) {
                entries.putNextEntry(new JarEntry("db/migrations/" + file.getFileName()));
                entries.write(Files.readAllBytes(file));
                entries.closeEntry();
            }
        }
        return jar;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void withoutAnIndexEveryScriptOfTheJarRuns(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        scripts();

        try (URLClassLoader loader = IndexedAtHeadTest.loader(flatJar())) {
            RunResult result = IndexedAtHeadTest.engine(db, loader).upgrade("head");

            assertThat(result.toHeads()).containsExactly(B);
            assertThat(IndexedAtHeadTest.engine(db, loader).heads(false)).isNotNull();
        }
        assertThat(db.queryStrings("SELECT version_num FROM alembic_version")).containsExactly(B);
        assertThat(db.queryStrings("SELECT COUNT(*) FROM flat_two")).containsExactly("0");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void withAnIndexTheJarsScriptsAreCheckedAtHeadFromIt(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        scripts();
        Engines.over(db, files.directory()).upgrade("head");
        // headers no parser accepts: only the index can answer that the database is at head
        ScriptIndex.write(files.directory());
        Path index = files.directory().resolve(ScriptIndex.FILE_NAME);
        Files.writeString(index, Files.readString(index).replace("-- Revision ID: ", "-- garbage: "));

        try (URLClassLoader loader = IndexedAtHeadTest.loader(flatJar())) {
            assertThat(IndexedAtHeadTest.engine(db, loader).upgrade("head").steps()).isEmpty();
            assertThatThrownBy(() -> IndexedAtHeadTest.engine(db, loader).heads(false))
                    .isInstanceOf(MigrateException.class).hasMessageContaining("Revision ID");
        }
    }
}
