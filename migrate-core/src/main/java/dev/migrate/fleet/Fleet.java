package dev.migrate.fleet;

import dev.migrate.command.Migrate;
import dev.migrate.command.SharedScripts;
import dev.migrate.command.MigrateException;
import dev.migrate.command.MigrationPosition;
import dev.migrate.command.MigrationStatus;
import dev.migrate.command.RevisionListing;
import dev.migrate.runtime.RunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The same scripts applied to many databases or schemas (shards, schema-per-tenant) in one operation: at most
 * {@code parallelism} targets at a time (1: one after the other, in order), each under its own lock (its engine's), each
 * with its own outcome. A target's failure stops only that target ({@link OnFailure#CONTINUE}, the default) or also keeps
 * targets not yet started from starting ({@link OnFailure#STOP}); it is never thrown. Results come in the order of the
 * targets, whatever order they finished in.
 */
public final class Fleet {

    private static final Logger log = LoggerFactory.getLogger(Fleet.class);

    /** What a target's failure does to the targets not yet started. */
    public enum OnFailure {
        /** Every target runs; the failed ones are reported. */
        CONTINUE,
        /** Targets not yet started are left alone ({@link TargetOutcome.NotStarted}); those running finish. */
        STOP
    }

    private final List<FleetTarget> targets;
    private final int parallelism;
    private final OnFailure onFailure;
    private final FleetListener listener;
    private final boolean createSchemas;
    private final Migrate template;

    public Fleet(List<FleetTarget> targets, int parallelism) {
        this(targets, parallelism, OnFailure.CONTINUE, FleetListener.NONE, true, null);
    }

    private Fleet(List<FleetTarget> targets, int parallelism, OnFailure onFailure, FleetListener listener,
                  boolean createSchemas, Migrate template) {
        if (parallelism < 1) {
            throw new MigrateException("Fleet parallelism " + parallelism + " is not a number of targets at a time: "
                    + "use 1 (one after the other) or more");
        }
        Set<String> names = new HashSet<>();
        for (FleetTarget target : targets) {
            if (!names.add(target.name())) {
                throw new MigrateException("Two fleet targets are named " + target.name()
                        + ": give each database or schema its own name");
            }
        }
        this.targets = List.copyOf(targets);
        this.parallelism = parallelism;
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.createSchemas = createSchemas;
        this.template = template;
    }

    public Fleet onFailure(OnFailure value) {
        return new Fleet(targets, parallelism, value, listener, createSchemas, template);
    }

    public Fleet listener(FleetListener value) {
        return new Fleet(targets, parallelism, onFailure, value, createSchemas, template);
    }

    /** Whether an upgrade first creates a tenant's schema that does not exist yet (default true, as Flyway's createSchemas). */
    public Fleet createSchemas(boolean value) {
        return new Fleet(targets, parallelism, onFailure, listener, value, template);
    }

    /**
     * The engine whose scripts and settings the targets share, which the fleet migrates instead (a schema-per-tenant
     * fleet's shared database is no target itself): front ends leave it out of startup, health and listings.
     */
    public Fleet replacing(Migrate value) {
        return new Fleet(targets, parallelism, onFailure, listener, createSchemas, value);
    }

    public Optional<Migrate> template() {
        return Optional.ofNullable(template);
    }

    /** Whether {@code engine} is the one this fleet migrates instead ({@link #replacing}). */
    public boolean replaces(Migrate engine) {
        return template != null && template == engine;
    }

    public boolean createsSchemas() {
        return createSchemas;
    }

    /** The fleet as the running application migrates it: every target's packaged scripts only. */
    public Fleet withPackagedScripts() {
        return new Fleet(targets.stream().map(FleetTarget::withPackagedScripts).toList(), parallelism, onFailure, listener,
                createSchemas, template);
    }

    /** Every target given a command's {@code -x key=value} pairs and {@code --tag} ({@link Migrate#withArguments}). */
    public Fleet withArguments(java.util.Map<String, String> parameters, String tag) {
        return new Fleet(targets.stream().map(target -> new FleetTarget(target.name(),
                target.migrate().withArguments(parameters, tag))).toList(), parallelism, onFailure, listener,
                createSchemas, template);
    }

    public List<FleetTarget> targets() {
        return targets;
    }

    public int parallelism() {
        return parallelism;
    }

    /** Only the target named {@code name}, as {@code --target NAME} asks; one clear line when there is none. */
    public Fleet only(String name) {
        List<FleetTarget> chosen = targets.stream().filter(target -> target.name().equals(name)).toList();
        if (chosen.isEmpty()) {
            throw new MigrateException("No fleet target is named " + name + ": use one of "
                    + String.join(", ", targets.stream().map(FleetTarget::name).toList()));
        }
        return new Fleet(chosen, parallelism, onFailure, listener, createSchemas, template);
    }

    /** {@code db upgrade [revision]} on every target (a tenant's missing schema created first, unless turned off). */
    public FleetResult<RunResult> upgrade(String revision) {
        return run("upgrade to " + revision, target -> {
            if (createSchemas) {
                target.createSchemaIfMissing();
            }
            return target.migrate().upgrade(revision);
        });
    }

    /** {@code db current} on every target. */
    public FleetResult<RevisionListing> current(boolean verbose) {
        return run("current", target -> target.migrate().current(verbose));
    }

    /** {@code db status} on every target: pending, applied, lock holder, drift. */
    public FleetResult<MigrationStatus> status() {
        return run("status", target -> target.migrate().status());
    }

    /** Where every target stands against the scripts' heads, the cheap probe for health. */
    public FleetResult<MigrationPosition> position() {
        return run("position", target -> target.migrate().position());
    }

    /**
     * Runs {@code perTarget} ({@code what}: its name for the logs) on every target, at most {@link #parallelism()} at a
     * time; a target's exception is its {@link TargetOutcome.Failed} outcome. The targets' engines share the scripts they
     * read from the same places for this operation ({@link SharedScripts}).
     */
    public <T> FleetResult<T> run(String what, Function<FleetTarget, T> perTarget) {
        // the targets list and load the scripts they share once for the operation, not once each
        SharedScripts shared = new SharedScripts();
        Function<FleetTarget, T> operation = target -> perTarget.apply(target.sharingScripts(shared));
        AtomicBoolean failed = new AtomicBoolean();
        int threads = Math.min(parallelism, targets.size());
        if (threads <= 1) {
            List<TargetOutcome<T>> outcomes = new ArrayList<>();
            for (FleetTarget target : targets) {
                outcomes.add(runOne(what, target, operation, failed));
            }
            return finish(what, outcomes);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, new WorkerThreads());
        try {
            List<Future<TargetOutcome<T>>> running = new ArrayList<>();
            for (FleetTarget target : targets) {
                running.add(pool.submit(() -> runOne(what, target, operation, failed)));
            }
            List<TargetOutcome<T>> outcomes = new ArrayList<>();
            for (Future<TargetOutcome<T>> outcome : running) {
                outcomes.add(outcome.get());
            }
            return finish(what, outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException("Interrupted while the fleet ran " + what
                    + "; targets already started finish their run under their own lock", e);
        } catch (ExecutionException e) {
            // runOne returns every failure as an outcome: only an Error gets here
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private <T> TargetOutcome<T> runOne(String what, FleetTarget target, Function<FleetTarget, T> operation,
                                        AtomicBoolean failed) {
        if (onFailure == OnFailure.STOP && failed.get()) {
            TargetOutcome<T> skipped = new TargetOutcome.NotStarted<>(target.name(), "an earlier target failed");
            listener.finished(skipped);
            return skipped;
        }
        listener.started(target.name());
        long start = System.nanoTime();
        TargetOutcome<T> outcome;
        try {
            T value = operation.apply(target);
            outcome = new TargetOutcome.Done<>(target.name(), value, Duration.ofNanos(System.nanoTime() - start));
            log.debug("Fleet {}: {}", what, outcome.describe());
        } catch (RuntimeException e) {
            failed.set(true);
            outcome = new TargetOutcome.Failed<>(target.name(), String.valueOf(e.getMessage()), e);
            // The caller reports the outcome (the command's line on stderr, the start's failure or warning): logged
            // here as well, it would say the same thing two or three times.
            log.debug("Fleet {}: {}", what, outcome.describe(), e);
        }
        listener.finished(outcome);
        return outcome;
    }

    private <T> FleetResult<T> finish(String what, List<TargetOutcome<T>> outcomes) {
        FleetResult<T> result = new FleetResult<>(outcomes);
        if (result.succeeded()) {
            log.info("Fleet {}: {} target(s) done, {} at a time", what, outcomes.size(), Math.min(parallelism, outcomes.size()));
        } else {
            log.info("Fleet {}: {}", what, result.failureSummary().orElseThrow());
        }
        return result;
    }

    /** Named worker threads, so that logs say which run is whose; daemons, so that a stuck target never keeps a JVM up. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "migrate-fleet-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
