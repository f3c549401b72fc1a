package dev.migrate.demo;

import dev.migrate.launchcheck.LoaderComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
}
