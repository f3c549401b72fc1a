package dev.migrate.it;

import dev.migrate.command.MigrateConfig;
import dev.migrate.fleet.Fleet;
import dev.migrate.fleet.FleetListener;
import dev.migrate.fleet.FleetResult;
import dev.migrate.fleet.FleetTarget;
import dev.migrate.fleet.SchemaScopedDataSource;
import dev.migrate.fleet.TargetOutcome;
import dev.migrate.dialect.TableName;
import dev.migrate.runtime.AdvisoryLock;
import dev.migrate.runtime.RunResult;
import dev.migrate.testsupport.PostgresTest;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same scripts applied to many schemas of one PostgreSQL database (schema-per-tenant) and to many SQLite files
 * (shards): each target under its own lock, with its own outcome, a failure stopping only its target.
 */
class FleetTest {

    private static final String HEAD = "f00000000003";

    @TempDir
    Path tmp;

    /** Three revisions; the second makes {@code accounts.email} unique, which fails where the data has duplicates. */
    private ScriptFiles scripts() {
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("f00000000001", "", "accounts", """
                CREATE TABLE accounts (id INTEGER PRIMARY KEY, email VARCHAR(100));
                CREATE TABLE applied (revision VARCHAR(20));
                INSERT INTO applied (revision) VALUES ('f00000000001');""", "DROP TABLE applied;\nDROP TABLE accounts;");
        files.write("f00000000002", "f00000000001", "unique email", """
                CREATE TABLE audit (id INTEGER);
                INSERT INTO applied (revision) VALUES ('f00000000002');
                CREATE UNIQUE INDEX accounts_email ON accounts (email);""", "DROP INDEX accounts_email;\nDROP TABLE audit;");
        files.write(HEAD, "f00000000002", "orders", """
                CREATE TABLE orders (id INTEGER);
                INSERT INTO applied (revision) VALUES ('f00000000003');""", "DROP TABLE orders;");
        return files;
    }

    private static MigrateConfig config(TestDatabase db, ScriptFiles files) {
        return MigrateConfig.builder().dataSource(db.dataSource()).dialect(db.kind()).scriptDirectory(files.directory())
                .build();
    }

    private static List<FleetTarget> schemas(MigrateConfig config, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> FleetTarget.schema("tenant_" + i, config)).toList();
    }

    private List<FleetTarget> shards(ScriptFiles files, int count) {
        List<FleetTarget> shards = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            TestDatabase shard = TestDatabase.sqlite(tmp.resolve("shard_" + i + ".db"));
            shards.add(FleetTarget.database("shard_" + i, shard.dataSource(), config(shard, files)));
        }
        return shards;
    }

    @Test
    @PostgresTest
    void schemasUpgradedInParallelEachReachHeadInTheirOwnSchema() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        List<FleetTarget> targets = schemas(config(db, scripts()), 6);

        FleetResult<RunResult> result = new Fleet(targets, 3).upgrade("heads");

        assertThat(result.succeeded()).as(result.failureSummary().orElse("")).isTrue();
        assertThat(result.outcomes()).extracting(TargetOutcome::target)
                .containsExactly("tenant_1", "tenant_2", "tenant_3", "tenant_4", "tenant_5", "tenant_6");
        for (int i = 1; i <= 6; i++) {
            String schema = "tenant_" + i;
            assertThat(db.queryStrings("SELECT version_num FROM " + schema + ".alembic_version")).containsExactly(HEAD);
            assertThat(db.queryStrings("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                    + "' ORDER BY table_name"))
                    .containsExactly("accounts", "alembic_version", "applied", "audit", "migrate_log", "orders");
        }
        // Nothing landed in the connection's own schema.
        assertThat(db.queryStrings("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                .containsExactly("0");
        // Each tenant's current revision, read through its own schema.
        assertThat(new Fleet(targets, 2).current(false).outcomes())
                .allSatisfy(outcome -> assertThat(((TargetOutcome.Done<?>) outcome).value().toString()).contains(HEAD));
    }

    @Test
    @PostgresTest
    void aTenantWhoseDataFailsARevisionFailsAloneAndIsRolledBack() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        MigrateConfig config = config(db, scripts());
        List<FleetTarget> targets = schemas(config, 4);
        assertThat(new Fleet(targets, 2).upgrade("f00000000001").succeeded()).isTrue();
        db.execute("INSERT INTO tenant_3.accounts (id, email) VALUES (1, 'a@example.com'), (2, 'a@example.com')");

        FleetResult<RunResult> result = new Fleet(targets, 2).upgrade("heads");

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.target()).isEqualTo("tenant_3");
            assertThat(failure.describe()).startsWith("tenant_3: ").contains("f00000000002_unique_email.sql:12")
                    .contains("accounts_email").doesNotContain("\n");
        });
        assertThat(result.failureSummary()).hasValueSatisfying(summary -> assertThat(summary)
                .startsWith("1 of 4 targets failed: tenant_3: "));
        for (String reached : List.of("tenant_1", "tenant_2", "tenant_4")) {
            assertThat(db.queryStrings("SELECT version_num FROM " + reached + ".alembic_version")).containsExactly(HEAD);
        }
        assertThat(db.queryStrings("SELECT version_num FROM tenant_3.alembic_version")).containsExactly("f00000000001");
        assertThat(db.queryStrings("SELECT revision FROM tenant_3.applied")).containsExactly("f00000000001");
        assertThat(db.queryStrings("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'tenant_3' "
                + "AND table_name IN ('audit', 'orders')")).containsExactly("0");
    }

    @Test
    @PostgresTest
    void twoFleetRunsRacingOnTheSameSchemasApplyEachRevisionOnce() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        List<FleetTarget> targets = schemas(config(db, scripts()), 5);

        List<FleetTarget> reversed = new ArrayList<>(targets);
        Collections.reverse(reversed);
        CompletableFuture<FleetResult<RunResult>> first = CompletableFuture.supplyAsync(
                () -> new Fleet(targets, 3).upgrade("heads"));
        CompletableFuture<FleetResult<RunResult>> second = CompletableFuture.supplyAsync(
                () -> new Fleet(reversed, 2).upgrade("heads"));

        assertThat(first.get(2, TimeUnit.MINUTES).succeeded()).isTrue();
        assertThat(second.get(2, TimeUnit.MINUTES).succeeded()).isTrue();
        for (FleetTarget target : targets) {
            assertThat(db.queryStrings("SELECT revision FROM " + target.name() + ".applied ORDER BY revision"))
                    .containsExactly("f00000000001", "f00000000002", HEAD);
        }
        int applied = 0;
        for (var run : List.of(first.get(), second.get())) {
            for (var outcome : run.outcomes()) {
                applied += ((TargetOutcome.Done<RunResult>) outcome).value().steps().size();
            }
        }
        assertThat(applied).isEqualTo(5 * 3);
    }

    @Test
    @PostgresTest
    void eachSchemaHasALockOfItsOwn() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        MigrateConfig config = MigrateConfig.builder().dataSource(db.dataSource()).dialect(db.kind())
                .scriptDirectory(scripts().directory()).lock(true, Duration.ofSeconds(1)).build();
        List<FleetTarget> targets = schemas(config, 2);
        SchemaScopedDataSource tenant1 = new SchemaScopedDataSource(db.dataSource(), "tenant_1");
        tenant1.createSchemaIfMissing();

        FleetResult<RunResult> result;
        try (AdvisoryLock held = AdvisoryLock.acquire(tenant1, TableName.of("alembic_version"), Duration.ofSeconds(5))) {
            result = new Fleet(targets, 2).upgrade("heads");
        }

        assertThat(result.of("tenant_2")).containsInstanceOf(TargetOutcome.Done.class);
        assertThat(result.failures()).singleElement().satisfies(failure -> assertThat(failure.describe())
                .startsWith("tenant_1: Could not get the migration lock for alembic_version"));
    }

    @Test
    void shardsRunAtMostParallelismAtATime() throws Exception {
        ScriptFiles files = scripts();
        List<FleetTarget> targets = shards(files, 7);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // The first three to start wait for each other: they can only all get past this if three run at once.
        CountDownLatch firstThree = new CountDownLatch(3);
        FleetListener counting = new FleetListener() {
            @Override
            public void started(String target) {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                firstThree.countDown();
                try {
                    assertThat(firstThree.await(1, TimeUnit.MINUTES)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void finished(TargetOutcome<?> outcome) {
                running.decrementAndGet();
            }
        };

        FleetResult<RunResult> result = new Fleet(targets, 3).listener(counting).upgrade("heads");

        assertThat(result.succeeded()).as(result.failureSummary().orElse("")).isTrue();
        assertThat(most.get()).isEqualTo(3);
        for (int i = 1; i <= 7; i++) {
            assertThat(TestDatabase.sqlite(tmp.resolve("shard_" + i + ".db")).queryStrings("SELECT version_num FROM alembic_version"))
                    .containsExactly(HEAD);
        }
    }

    @Test
    void oneAtATimeRunsTheShardsInOrderAndAFailedShardStopsOnlyItself() throws Exception {
        ScriptFiles files = scripts();
        List<FleetTarget> targets = shards(files, 4);
        new Fleet(targets, 1).upgrade("f00000000001");
        TestDatabase.sqlite(tmp.resolve("shard_2.db"))
                .execute("INSERT INTO accounts (id, email) VALUES (1, 'a@example.com'), (2, 'a@example.com')");
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        FleetListener order = new FleetListener() {
            @Override
            public void started(String target) {
                started.add(target);
            }
        };

        FleetResult<RunResult> result = new Fleet(targets, 1).listener(order).upgrade("heads");

        assertThat(started).containsExactly("shard_1", "shard_2", "shard_3", "shard_4");
        assertThat(result.outcomes()).extracting(outcome -> outcome.getClass().getSimpleName())
                .containsExactly("Done", "Failed", "Done", "Done");
        assertThat(result.failures().get(0).describe()).startsWith("shard_2: ")
                .contains("f00000000002_unique_email.sql:12").contains("UNIQUE");
        assertThat(TestDatabase.sqlite(tmp.resolve("shard_2.db")).queryStrings("SELECT version_num FROM alembic_version"))
                .containsExactly("f00000000001");
        assertThat(TestDatabase.sqlite(tmp.resolve("shard_4.db")).queryStrings("SELECT version_num FROM alembic_version"))
                .containsExactly(HEAD);
    }

    /**
     * A failed target is reported once, by whoever asked (the command's line on stderr, the start's failure): the
     * fleet itself logs nothing at WARN or above, where a one-shot command would print it two more times.
     */
    @Test
    void aFailedShardIsInTheResultNotInTheLogAtWarn() throws Exception {
        ScriptFiles files = scripts();
        List<FleetTarget> targets = shards(files, 2);
        new Fleet(targets, 1).upgrade("f00000000001");
        TestDatabase.sqlite(tmp.resolve("shard_2.db"))
                .execute("INSERT INTO accounts (id, email) VALUES (1, 'a@example.com'), (2, 'a@example.com')");
        Logger fleetLogger = (Logger) LoggerFactory.getLogger(Fleet.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        fleetLogger.addAppender(events);
        FleetResult<RunResult> result;
        try {
            result = new Fleet(targets, 2).upgrade("heads");
        } finally {
            fleetLogger.detachAppender(events);
        }

        assertThat(result.failures()).hasSize(1);
        assertThat(result.failures().get(0).describe()).startsWith("shard_2: ").contains("f00000000002_unique_email.sql:12");
        assertThat(events.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
    }

    @Test
    void stoppingAtTheFirstFailureLeavesTheLaterShardsNotStarted() throws Exception {
        ScriptFiles files = scripts();
        List<FleetTarget> targets = shards(files, 3);
        new Fleet(targets, 1).upgrade("f00000000001");
        TestDatabase.sqlite(tmp.resolve("shard_1.db"))
                .execute("INSERT INTO accounts (id, email) VALUES (1, 'a@example.com'), (2, 'a@example.com')");

        FleetResult<RunResult> result = new Fleet(targets, 1).onFailure(Fleet.OnFailure.STOP).upgrade("heads");

        assertThat(result.outcomes()).extracting(outcome -> outcome.getClass().getSimpleName())
                .containsExactly("Failed", "NotStarted", "NotStarted");
        assertThat(result.failureSummary()).hasValueSatisfying(summary -> assertThat(summary)
                .startsWith("1 of 3 targets failed, 2 not started: shard_1: "));
        assertThat(TestDatabase.sqlite(tmp.resolve("shard_3.db")).queryStrings("SELECT version_num FROM alembic_version"))
                .containsExactly("f00000000001");
    }
}
