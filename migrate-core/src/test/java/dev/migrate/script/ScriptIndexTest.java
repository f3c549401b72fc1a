package dev.migrate.script;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The script index a build writes next to packaged scripts: used for a jar whose scripts are exactly those it
 * describes (CRC-32 and size from the jar's directory), ignored as soon as one script differs, is missing or was
 * added, so that a stale index can cost time but never give a wrong graph.
 */
class ScriptIndexTest {

    @TempDir
    Path tmp;

    private Path scripts(Map<String, String> files) throws IOException {
        Path directory = Files.createDirectories(tmp.resolve("classes/db/migrations"));
        for (var file : files.entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue());
        }
        return directory;
    }

    private static Map<String, String> twoScripts() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a1_base.sql", Scripts.script("a1", "", "CREATE TABLE t (x INT);"));
        files.put("b2_next.sql", Scripts.script("b2", "a1", "INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);"));
        return files;
    }

    /** The jar a build makes of {@code directory}'s scripts and its index, with {@code changes} applied after. */
    private Path jar(Path directory, Map<String, String> changes) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                entries.put("db/migrations/" + file.getFileName(), Files.readString(file));
            }
        }
        changes.forEach((name, text) -> {
            if (text == null) {
                entries.remove("db/migrations/" + name);
            } else {
                entries.put("db/migrations/" + name, text);
            }
        });
        return ScriptSourcesTest.jar(tmp.resolve("app-" + entries.hashCode() + ".jar"), entries);
    }

    private static ScriptSet load(Path jar) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ScriptSet set = new ScriptLoader().load(List.of(ScriptSources.of("classpath:db/migrations", loader)), List.of());
            // bodies are still read from the jar itself
            assertThat(((SqlMigrationScript) set.get("b2")).upgradeStatements()).hasSize(2);
            return set;
        }
    }

    /**
     * Marks the index's copy of a1's message and checksum, so a test can tell whether the header and the checksum
     * came from the index or from the script.
     */
    private static void markIndexedMessage(Path directory) throws IOException {
        Path index = directory.resolve(ScriptIndex.FILE_NAME);
        Files.writeString(index, Files.readString(index).replaceFirst("-- a message", "-- a message (indexed)")
                .replaceFirst("(?m)^(a1_base\\.sql\t[^\t]+\t[^\t]+\t)[^\t]+", "$1indexed-checksum"));
    }

    @Test
    void theIndexHoldsEachScriptsHeaderLinesAndItsCrcAndSize() throws IOException {
        Path directory = scripts(twoScripts());
        ScriptIndex written = ScriptIndex.write(directory);

        ScriptIndex read;
        try (var in = Files.newInputStream(directory.resolve(ScriptIndex.FILE_NAME))) {
            read = ScriptIndex.read(in, "migrate.index");
        }
        assertThat(read.entries()).isEqualTo(written.entries()).containsOnlyKeys("a1_base.sql", "b2_next.sql");
        ScriptIndex.Entry a1 = read.entries().get("a1_base.sql");
        assertThat(a1.headerLines()).first().isEqualTo("-- a message");
        assertThat(a1.headerLines()).last().isEqualTo("-- migrate:upgrade");
        assertThat(a1.size()).isEqualTo(Files.size(directory.resolve("a1_base.sql")));
        assertThat(a1.checksum()).isEqualTo(Checksum.of(twoScripts().get("a1_base.sql")));
    }

    @Test
    void aJarWhoseScriptsMatchTheIndexIsReadFromTheIndex() throws IOException {
        Path directory = scripts(twoScripts());
        ScriptIndex.write(directory);
        markIndexedMessage(directory);

        ScriptSet set = load(jar(directory, Map.of()));

        assertThat(set.byId()).containsOnlyKeys("a1", "b2");
        assertThat(set.get("a1").message()).isEqualTo("a message (indexed)");
        assertThat(set.get("a1").checksum()).as("the drift check reads no body either").isEqualTo("indexed-checksum");
        assertThat(set.get("b2").revision().downRevisions()).containsExactly("a1");
        assertThat(set.get("b2").checksum()).isEqualTo(Checksum.of(twoScripts().get("b2_next.sql")));
    }

    @Test
    void anyDifferenceBetweenTheJarAndTheIndexMeansEveryHeaderIsRead() throws IOException {
        Path directory = scripts(twoScripts());
        ScriptIndex.write(directory);
        markIndexedMessage(directory);

        // a1 edited after the index was written (same length: only the CRC tells)
        String edited = Scripts.script("a1", "", "CREATE TABLE t (y INT);");
        ScriptSet changed = load(jar(directory, Map.of("a1_base.sql", edited)));
        assertThat(changed.get("a1").message()).isEqualTo("a message");
        assertThat(changed.get("a1").checksum()).isEqualTo(Checksum.of(edited));
        // a script the index does not know
        ScriptSet added = load(jar(directory, Map.of("c3_more.sql", Scripts.script("c3", "b2", "SELECT 1;"))));
        assertThat(added.byId()).containsOnlyKeys("a1", "b2", "c3");
        assertThat(added.get("a1").message()).isEqualTo("a message");
        // a script the index names is not in the jar
        Files.writeString(directory.resolve("c3_more.sql"), Scripts.script("c3", "b2", "SELECT 1;"));
        ScriptIndex.write(directory);
        markIndexedMessage(directory);
        ScriptSet removed = load(jar(directory, java.util.Collections.singletonMap("c3_more.sql", null)));
        assertThat(removed.byId()).containsOnlyKeys("a1", "b2");
        assertThat(removed.get("a1").message()).isEqualTo("a message");
    }

    @Test
    void repeatableScriptsAreIndexedByTheirChecksumAlone() throws IOException {
        Map<String, String> files = twoScripts();
        String view = "-- the list of t\nCREATE VIEW t_list AS SELECT x FROM t;\n";
        files.put("R__t_list.sql", view);
        Path directory = scripts(files);
        ScriptIndex.Entry entry = ScriptIndex.write(directory).entries().get("R__t_list.sql");
        assertThat(entry.headerLines()).isEmpty();
        assertThat(entry.checksum()).isEqualTo(Checksum.of(view));
        markIndexedMessage(directory);

        ScriptSet set = load(jar(directory, Map.of()));
        assertThat(set.get("a1").message()).as("the index is used with a repeatable script beside the revisions")
                .isEqualTo("a message (indexed)");
        assertThat(set.repeatables()).singleElement().satisfies(repeatable -> {
            assertThat(repeatable.checksum()).isEqualTo(Checksum.of(view));
            assertThat(repeatable.message()).isEqualTo("the list of t");
        });
    }

    @Test
    void writingFailsOnABrokenHeaderNamingFileAndLine() throws IOException {
        Path directory = scripts(Map.of("a1_base.sql", "-- a message\n-- Revision ID: a1\nCREATE TABLE t (x INT);\n"));
        assertThatThrownBy(() -> ScriptIndex.write(directory)).isInstanceOf(ScriptException.class)
                .hasMessageContaining("a1_base.sql:3").hasMessageContaining("would never run");
        assertThat(directory.resolve(ScriptIndex.FILE_NAME)).doesNotExist();
    }

    @Test
    void scriptsOnAFileSystemNeverUseTheIndex() throws IOException {
        Path directory = scripts(twoScripts());
        ScriptIndex.write(directory);
        markIndexedMessage(directory);
        Path classes = tmp.resolve("classes");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            ScriptSet set = new ScriptLoader().load(List.of(ScriptSources.of("classpath:db/migrations", loader)), List.of());
            assertThat(set.get("a1").message()).isEqualTo("a message");
        }
        assertThat(Files.readString(directory.resolve(ScriptIndex.FILE_NAME), StandardCharsets.UTF_8))
                .startsWith("# migrate script index v3\nsummary\t");
    }

    @Test
    void eachRevisionsPlaceInTheGraphIsIndexedWithIt() throws IOException {
        Path directory = scripts(twoScripts());
        ScriptIndex.write(directory);

        ScriptIndex read;
        try (var in = Files.newInputStream(directory.resolve(ScriptIndex.FILE_NAME))) {
            read = ScriptIndex.read(in, "migrate.index");
        }
        assertThat(read.entry("a1_base.sql").revision()).isEqualTo(dev.migrate.graph.Revision.of("a1"));
        assertThat(read.entry("b2_next.sql").revision()).isEqualTo(dev.migrate.graph.Revision.of("b2", "a1"));
    }

    @Test
    void anIndexOfTheFirstVersionIsStillUsedForItsHeaders() throws IOException {
        Path directory = scripts(twoScripts());
        ScriptIndex.write(directory);
        markIndexedMessage(directory);
        Path index = directory.resolve(ScriptIndex.FILE_NAME);
        // what version 1 wrote: no graph fields after the header's line count
        Files.writeString(index, Files.readString(index).replaceFirst("# migrate script index v3\nsummary\t[^\n]*\n", "# migrate script index v1\n")
                .replaceAll("(?m)^([^\t\n]+\t[^\t]+\t[^\t]+\t[^\t]+\t[0-9]+)\t[^\n]*$", "$1"));

        ScriptSet set = load(jar(directory, Map.of()));

        assertThat(set.get("a1").message()).isEqualTo("a message (indexed)");
        assertThat(set.get("b2").revision().downRevisions()).containsExactly("a1");
    }

    @Test
    void theSummaryAnswersWithoutTheScriptLinesWhichAreReadOnlyWhenAskedFor() throws IOException {
        Path directory = scripts(twoScripts());
        ScriptIndex written = ScriptIndex.write(directory);
        Path file = directory.resolve(ScriptIndex.FILE_NAME);
        java.util.concurrent.atomic.AtomicInteger reopened = new java.util.concurrent.atomic.AtomicInteger();

        ScriptIndex read;
        try (var in = Files.newInputStream(file)) {
            read = ScriptIndex.read(in, "migrate.index", () -> {
                reopened.incrementAndGet();
                return Files.newInputStream(file);
            });
        }

        ScriptIndex.Summary summary = read.summary().orElseThrow();
        assertThat(summary.heads()).containsExactly("b2");
        assertThat(summary.scripts()).isEqualTo(2);
        assertThat(summary.digest()).isEqualTo(written.summary().orElseThrow().digest()).startsWith("d1:");
        ScriptIndex.Listing listing = new ScriptIndex.Listing();
        // in another order than the index's: the fingerprint does not depend on it
        List.of("b2_next.sql", "a1_base.sql").forEach(name -> {
            ScriptIndex.Entry entry = written.entry(name);
            listing.add(name, entry.crc(), entry.size());
        });
        assertThat(listing.value()).isEqualTo(summary.listing());
        assertThat(reopened).hasValue(0);

        assertThat(read.entry("b2_next.sql").revision()).isEqualTo(dev.migrate.graph.Revision.of("b2", "a1"));
        assertThat(read.entry("a1_base.sql").checksum()).isEqualTo(written.entry("a1_base.sql").checksum());
        assertThat(reopened).hasValue(1);
    }

    @Test
    void anotherScriptChangesTheListingFingerprint() throws IOException {
        Path directory = scripts(twoScripts());
        ScriptIndex written = ScriptIndex.write(directory);
        ScriptIndex.Entry a1 = written.entry("a1_base.sql");
        ScriptIndex.Entry b2 = written.entry("b2_next.sql");
        String indexed = written.summary().orElseThrow().listing();

        assertThat(fingerprint(a1.fileName(), a1.crc(), a1.size(), b2.fileName(), b2.crc(), b2.size())).isEqualTo(indexed);
        assertThat(fingerprint(a1.fileName(), a1.crc() ^ 1, a1.size(), b2.fileName(), b2.crc(), b2.size()))
                .isNotEqualTo(indexed);
        assertThat(fingerprint(a1.fileName(), a1.crc(), a1.size() + 1, b2.fileName(), b2.crc(), b2.size()))
                .isNotEqualTo(indexed);
        assertThat(fingerprint("a1_other.sql", a1.crc(), a1.size(), b2.fileName(), b2.crc(), b2.size()))
                .isNotEqualTo(indexed);
        ScriptIndex.Listing one = new ScriptIndex.Listing();
        one.add(a1.fileName(), a1.crc(), a1.size());
        assertThat(one.value()).isNotEqualTo(indexed);
    }

    private static String fingerprint(String first, long firstCrc, long firstSize, String second, long secondCrc,
                                      long secondSize) {
        ScriptIndex.Listing listing = new ScriptIndex.Listing();
        listing.add(first, firstCrc, firstSize);
        listing.add(second, secondCrc, secondSize);
        return listing.value();
    }
}
