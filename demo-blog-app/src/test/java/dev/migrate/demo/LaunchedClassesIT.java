package dev.migrate.demo;

import dev.migrate.launchcheck.LoaderComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar's launcher loads with {@code IndexedClassLoader}, which goes straight to the nested jar holding a
 * class or resource: every class and resource name of the jar resolves to what Boot's own loader resolves it to
 * (the same class path order, URLs, code sources and packages), without asking the parent for the classes it has not.
 */
class LaunchedClassesIT {

    @TempDir
    Path temp;

    @Test
    void everyClassAndResourceOfTheJarResolvesAsUnderBootsLoaderWithoutAskingTheParentInVain() throws IOException {
        // only the comparison's own classes next to the jar: the test classes would shadow the jar's
        Path classes = temp.resolve("classes");
        String comparison = LoaderComparison.class.getName().replace('.', '/');
        for (String file : List.of(comparison + ".class", comparison + "$CountingParent.class", comparison + "$Probe.class")) {
            Path target = classes.resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = LoaderComparison.class.getClassLoader().getResourceAsStream(file)) {
                Files.copy(in, target);
            }
        }
        Path work = Files.createDirectories(temp.resolve("work"));

        DemoJar.Run run = DemoJar.process(work, List.of(DemoJar.java(), "-cp", DemoJar.jar() + ":" + classes,
                LoaderComparison.class.getName()));

        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.out()).as("%s", run).contains("loader dev.migrate.launch.IndexedClassLoader")
                .anySatisfy(line -> assertThat(line).matches("classes \\d{4,} defined \\d{4,} multi-release [1-9]\\d* "
                        + "names \\d{5,} found \\d{4,} differences 0"))
                .anySatisfy(line -> assertThat(line).startsWith("resources META-INF/spring.factories ").doesNotStartWith(
                        "resources META-INF/spring.factories 0 "))
                .anySatisfy(line -> assertThat(line).startsWith("resources db/migrations/sqlite/ 1 "))
                .anySatisfy(line -> assertThat(line).matches("parent misses boot \\d{4,} indexed 0"));
    }
    @Test
    void aFileUnderBootInfLibThatIsNoJarStopsTheStartNoMoreThanUnderBootsLoader() throws IOException {
        // a native library or an empty file packaged as a dependency: Boot's loader never opens what nobody loads from
        Path jar = temp.resolve("with-junk.jar");
        byte[] junk = new byte[500];
        new java.util.Random(7).nextBytes(junk);
        try (ZipFile source = new ZipFile(DemoJar.jar().toFile());
             OutputStream file = Files.newOutputStream(jar); ZipOutputStream copy = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> entries = source.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                ZipEntry copied = new ZipEntry(entry.getName());
                copied.setMethod(entry.getMethod());
                if (entry.getMethod() == ZipEntry.STORED) {
                    copied.setSize(entry.getSize());
                    copied.setCompressedSize(entry.getCompressedSize());
                    copied.setCrc(entry.getCrc());
                }
                copy.putNextEntry(copied);
                try (InputStream in = source.getInputStream(entry)) {
                    in.transferTo(copy);
                }
                copy.closeEntry();
            }
            ZipEntry native_ = new ZipEntry("BOOT-INF/lib/zz-native.jar");
            native_.setMethod(ZipEntry.STORED);
            native_.setSize(junk.length);
            native_.setCompressedSize(junk.length);
            CRC32 crc = new CRC32();
            crc.update(junk);
            native_.setCrc(crc.getValue());
            copy.putNextEntry(native_);
            copy.write(junk);
            copy.closeEntry();
        }
        Path work = Files.createDirectories(temp.resolve("junk-work"));

        DemoJar.Run run = DemoJar.process(work, List.of(DemoJar.java(), "-jar", jar.toString(), "db", "heads"));

        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(String.join("\n", run.out())).as("%s", run).contains(DemoJar.REVISIONS.get(DemoJar.REVISIONS.size() - 1));
    }
}
