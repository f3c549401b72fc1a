package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import dev.migrate.runtime.RunResult;
import dev.migrate.script.ScriptIndex;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The startup check of packaged scripts at head (issue 16): when the jar's script index matches the jar and names each
 * revision's place in the graph, the heads and checksums come from it, and no header is parsed nor the graph built.
 * Shown with an index whose header lines are garbage: the check at head still answers, while anything that reads a
 * header (a pending revision, a changed checksum, a command that needs the graph) fails on them.
 */
class IndexedAtHeadTest {

    private static final String A = "i00000000001";
    private static final String B = "i00000000002";
    private static final String C = "i00000000003";
    /** What the header parser says of the garbled headers. */
    private static final String BAD_HEADER = "Revision ID";

    @TempDir
    Path tmp;

    private ScriptFiles files;

    private TestDatabase migrated(Kind kind) {
        TestDatabase db = kind.create(tmp);
        files = new ScriptFiles(tmp.resolve("classes/db/migrations"));
        files.write(A, "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
        files.write(B, A, "two", "CREATE TABLE two (id INTEGER);", "DROP TABLE two;");
        Engines.over(db, files.directory()).upgrade("head");
        return db;
    }

    /** The build's index of the scripts, then {@code edit} applied to its text. */
    private void index(UnaryOperator<String> edit) throws IOException {
        ScriptIndex.write(files.directory());
        Path index = files.directory().resolve(ScriptIndex.FILE_NAME);
        Files.writeString(index, edit.apply(Files.readString(index)));
    }

    /** Header lines no parser accepts: every script's Revision ID line is gone from the index's copy. */
    private static String garbleHeaders(String index) {
        return index.replace("-- Revision ID: ", "-- garbage: ");
    }

    /** The jar of the script directory; {@code edit} changes a script's text in the jar only. */
    private Path jar(String fileName, UnaryOperator<String> edit) throws IOException {
        Path jar = tmp.resolve("app-" + System.nanoTime() + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out);
             var scripts = Files.list(files.directory())) {
            for (String directory : new String[] {"db/", "db/migrations/"}) {
                entries.putNextEntry(new JarEntry(directory));
                entries.closeEntry();
            }
            for (Path file : scripts.sorted().toList()) {
                String name = file.getFileName().toString();
                String text = Files.readString(file);
                entries.putNextEntry(new JarEntry("db/migrations/" + name));
                entries.write((name.equals(fileName) ? edit.apply(text) : text).getBytes(StandardCharsets.UTF_8));
                entries.closeEntry();
            }
        }
        return jar;
    }

    private Path jar() throws IOException {
        return jar("", UnaryOperator.identity());
    }

    /** An engine over {@code classpath:db/migrations} as {@code loader} finds it. */
    static Migrate engine(TestDatabase db, ClassLoader loader) {
        return new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).location("classpath:db/migrations")
                .classLoader(loader).build());
    }

    /** A class loader of {@code jar} alone. */
    static URLClassLoader loader(Path jar) throws IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void atHeadTheIndexAnswersWithoutParsingAHeader(Kind kind) throws Exception {
        TestDatabase db = migrated(kind);
        index(IndexedAtHeadTest::garbleHeaders);

        try (URLClassLoader loader = loader(jar())) {
            RunResult result = engine(db, loader).upgrade("head");

            assertThat(result.steps()).isEmpty();
            assertThat(result.toHeads()).containsExactly(B);
            assertThat(engine(db, loader).upgrade("heads").steps()).isEmpty();
            // what needs the graph parses the headers, and these do not parse
            assertThatThrownBy(() -> engine(db, loader).heads(false))
                    .isInstanceOf(MigrateException.class).hasMessageContaining(BAD_HEADER);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void withARevisionPendingTheScriptsAreLoadedAndTheBadHeaderReported(Kind kind) throws Exception {
        TestDatabase db = migrated(kind);
        files.write(C, B, "three", "CREATE TABLE three (id INTEGER);", "DROP TABLE three;");
        index(IndexedAtHeadTest::garbleHeaders);

        try (URLClassLoader loader = loader(jar())) {
            assertThatThrownBy(() -> engine(db, loader).upgrade("head"))
                    .isInstanceOf(MigrateException.class).hasMessageContaining(BAD_HEADER);
        }
        assertThat(db.queryStrings("SELECT version_num FROM alembic_version")).containsExactly(B);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aChecksumThatIsNotTheRecordedOneLoadsTheScripts(Kind kind) throws Exception {
        TestDatabase db = migrated(kind);
        index(text -> garbleHeaders(text).replaceFirst("(?m)^(" + A + "_one\\.sql\t[^\t]+\t[^\t]+\t)[^\t]+", "$1changed"));

        try (URLClassLoader loader = loader(jar())) {
            assertThatThrownBy(() -> engine(db, loader).upgrade("head"))
                    .isInstanceOf(MigrateException.class).hasMessageContaining(BAD_HEADER);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aJarWhoseScriptDiffersFromTheIndexIgnoresIt(Kind kind) throws Exception {
        TestDatabase db = migrated(kind);
        index(IndexedAtHeadTest::garbleHeaders);

        // the script of A in the jar is not the one indexed: its own header is read, and its change refused
        try (URLClassLoader loader = loader(jar(A + "_one.sql", text -> text.replace("INTEGER", "BIGINT")))) {
            assertThatThrownBy(() -> engine(db, loader).upgrade("head"))
                    .isInstanceOf(MigrateException.class).hasMessageContaining(A)
                    .hasMessageNotContaining(BAD_HEADER);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anIndexOfTheFirstVersionStillServesTheCheck(Kind kind) throws Exception {
        TestDatabase db = migrated(kind);
        // version 1: no graph fields, so the headers it holds are parsed (and here they are good)
        index(text -> text.replace("# migrate script index v2", "# migrate script index v1")
                .replaceAll("(?m)^([^\t\n]+\t[^\t]+\t[^\t]+\t[^\t]+\t[0-9]+)\t[^\n]*$", "$1"));

        try (URLClassLoader loader = loader(jar())) {
            assertThat(engine(db, loader).upgrade("head").steps()).isEmpty();
            assertThat(engine(db, loader).heads(false)).isNotNull();
        }
    }
}
