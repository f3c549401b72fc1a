package dev.migrate.it;

import dev.migrate.command.MigrateConfig;
import dev.migrate.fleet.Fleet;
import dev.migrate.fleet.FleetListener;
import dev.migrate.fleet.FleetResult;
import dev.migrate.fleet.FleetTarget;
import dev.migrate.fleet.TargetOutcome;
import dev.migrate.runtime.MigrationCallback;
import dev.migrate.runtime.MigrationEvent;
import dev.migrate.runtime.RunResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callbacks of a fleet's targets with a parallelism above 1 (what the README's callbacks paragraph promises): one
 * callback instance is called for several targets at once, from their worker threads (so it must be thread-safe, as
 * any Spring singleton called from several requests), and every call for one target comes in order on the one thread
 * that runs that target, between the fleet's {@code started} and {@code finished} for it.
 */
class FleetCallbacksTest {

    private static final int TARGETS = 4;
    private static final int PARALLELISM = 2;

    @TempDir
    Path tmp;

    /** Every call, as "thread: what", in the order they came. */
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    /** The first targets to start wait in beforeRun for each other: they get past it only if they run at once. */
    private final CountDownLatch together = new CountDownLatch(PARALLELISM);

    private void record(String what) {
        calls.add(Thread.currentThread().getName() + ": " + what);
    }

    private final MigrationCallback callback = new MigrationCallback() {
        @Override
        public void beforeRun(MigrationEvent event) throws InterruptedException {
            record("beforeRun");
            together.countDown();
            assertThat(together.await(1, TimeUnit.MINUTES)).as("two targets in beforeRun at once").isTrue();
        }

        @Override
        public void beforeRevision(MigrationEvent event) {
            record("beforeRevision " + event.revision().orElseThrow());
        }

        @Override
        public void afterRevision(MigrationEvent event) {
            record("afterRevision " + event.revision().orElseThrow());
        }

        @Override
        public void afterRun(MigrationEvent event) {
            record("afterRun");
        }
    };

    private final FleetListener listener = new FleetListener() {
        @Override
        public void started(String target) {
            record("started " + target);
        }

        @Override
        public void finished(TargetOutcome<?> outcome) {
            record("finished " + outcome.target());
        }
    };

    private List<FleetTarget> targets(Kind kind, ScriptFiles files) {
        List<FleetTarget> targets = new ArrayList<>();
        TestDatabase shared = kind == Kind.POSTGRESQL ? TestDatabase.postgres() : null;
        for (int i = 1; i <= TARGETS; i++) {
            TestDatabase db = shared != null ? shared : TestDatabase.sqlite(tmp.resolve("shard_" + i + ".db"));
            MigrateConfig config = MigrateConfig.builder().dataSource(db.dataSource()).dialect(db.kind())
                    .scriptDirectory(files.directory()).callback(callback).build();
            targets.add(shared != null ? FleetTarget.schema("tenant_" + i, config)
                    : FleetTarget.database("shard_" + i, db.dataSource(), config));
        }
        return targets;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void oneCallbackIsCalledForSeveralTargetsAtOnceAndForEachTargetInOrderOnOneThread(Kind kind) {
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("c00000000001", "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
        files.write("c00000000002", "c00000000001", "two", "CREATE TABLE two (id INTEGER);", "DROP TABLE two;");

        FleetResult<RunResult> result = new Fleet(targets(kind, files), PARALLELISM).listener(listener).upgrade("heads");

        assertThat(result.succeeded()).as(result.failureSummary().orElse("")).isTrue();
        Map<String, List<String>> byThread = new LinkedHashMap<>();
        for (String call : calls) {
            int colon = call.indexOf(": ");
            byThread.computeIfAbsent(call.substring(0, colon), thread -> new ArrayList<>()).add(call.substring(colon + 2));
        }
        assertThat(byThread).hasSize(PARALLELISM);
        List<String> targetsSeen = new ArrayList<>();
        byThread.values().forEach(sequence -> {
            // each thread: whole runs of one target after another, never one interleaved with another target's calls
            assertThat(sequence.size() % 8).isZero();
            for (int run = 0; run < sequence.size(); run += 8) {
                String target = sequence.get(run).substring("started ".length());
                targetsSeen.add(target);
                assertThat(sequence.subList(run, run + 8)).containsExactly("started " + target, "beforeRun",
                        "beforeRevision c00000000001", "afterRevision c00000000001",
                        "beforeRevision c00000000002", "afterRevision c00000000002", "afterRun", "finished " + target);
            }
        });
        assertThat(targetsSeen).hasSize(TARGETS).doesNotHaveDuplicates();
    }
}
