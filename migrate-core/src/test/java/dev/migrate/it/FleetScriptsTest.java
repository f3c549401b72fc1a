package dev.migrate.it;

import dev.migrate.command.MigrateConfig;
import dev.migrate.fleet.Fleet;
import dev.migrate.fleet.FleetResult;
import dev.migrate.fleet.FleetTarget;
import dev.migrate.fleet.TargetOutcome;
import dev.migrate.runtime.RunResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet lists and reads the scripts that its targets share once per operation, not once per target: 200 tenants
 * are one listing of the location and one parse of each header, then 200 runs. Counted where the scripts are listed,
 * the class loader asked for the location; a new operation lists again (a script written since is seen).
 */
class FleetScriptsTest {

    private static final String LOCATION = "db/migrations";
    private static final String HEAD = "s00000000002";
    private static final int TARGETS = 12;

    @TempDir
    Path tmp;

    /** Counts how often the script location is listed. */
    private static final class CountingLoader extends URLClassLoader {
        private final AtomicInteger listings = new AtomicInteger();

        CountingLoader(Path classes) throws IOException {
            super(new URL[] {classes.toUri().toURL()}, null);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (name.equals(LOCATION)) {
                listings.incrementAndGet();
            }
            return super.getResources(name);
        }
    }

    private CountingLoader scripts() throws IOException {
        ScriptFiles files = new ScriptFiles(tmp.resolve("classes").resolve(LOCATION));
        files.write("s00000000001", "", "accounts", "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        files.write(HEAD, "s00000000001", "orders", "CREATE TABLE orders (id INTEGER);", "DROP TABLE orders;");
        return new CountingLoader(tmp.resolve("classes"));
    }

    private List<FleetTarget> targets(Kind kind, ClassLoader loader) {
        List<FleetTarget> targets = new ArrayList<>();
        if (kind == Kind.POSTGRESQL) {
            TestDatabase db = TestDatabase.postgres();
            MigrateConfig config = MigrateConfig.builder().dataSource(db.dataSource()).dialect(db.kind())
                    .location("classpath:" + LOCATION).classLoader(loader).build();
            for (int i = 1; i <= TARGETS; i++) {
                targets.add(FleetTarget.schema("tenant_" + i, config));
            }
            return targets;
        }
        for (int i = 1; i <= TARGETS; i++) {
            TestDatabase shard = TestDatabase.sqlite(tmp.resolve("shard_" + i + ".db"));
            // a configuration of its own per shard, with the same scripts
            MigrateConfig config = MigrateConfig.builder().dataSource(shard.dataSource()).dialect(shard.kind())
                    .location("classpath:" + LOCATION).classLoader(loader).build();
            targets.add(FleetTarget.database("shard_" + i, shard.dataSource(), config));
        }
        return targets;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theTargetsOfAnOperationShareOneListingAndLoadOfTheScripts(Kind kind) throws Exception {
        try (CountingLoader loader = scripts()) {
            List<FleetTarget> targets = targets(kind, loader);

            FleetResult<RunResult> result = new Fleet(targets, 4).upgrade("heads");

            assertThat(result.succeeded()).as(result.failureSummary().orElse("")).isTrue();
            assertThat(result.outcomes()).allSatisfy(outcome ->
                    assertThat(((TargetOutcome.Done<RunResult>) outcome).value().toHeads()).containsExactly(HEAD));
            assertThat(loader.listings.get()).isEqualTo(1);

            new Fleet(targets, 1).status();
            assertThat(loader.listings.get()).isEqualTo(2);
            // each engine on its own still reads the scripts as they are now
            targets.get(0).migrate().heads(false);
            targets.get(0).migrate().heads(false);
            assertThat(loader.listings.get()).isEqualTo(4);
        }
    }
}
