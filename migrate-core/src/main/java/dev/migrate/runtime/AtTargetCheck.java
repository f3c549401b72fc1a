package dev.migrate.runtime;

import java.util.List;
import java.util.Optional;

/**
 * The questions of the lock-free check at head ({@link MigrationRunner#checkAtTarget}) about what it read: asked by a
 * run of its own plan, or answered from what a {@link dev.migrate.script.ScriptIndex} says of packaged scripts
 * without loading them. Any doubt answers "something to do": the run under the lock then decides.
 */
public interface AtTargetCheck {

    /** The heads a run from {@code heads} ends at when it runs no revision; empty when it would run some. */
    Optional<List<String>> target(List<String> heads);

    /**
     * Whether something is due at {@code target} though no revision is: a repeatable script, or (when
     * {@code validate}) an applied script that changed since it ran.
     */
    boolean anythingDue(List<String> heads, List<String> target, List<LogEntry> log, boolean validate);

    /**
     * The {@link dev.migrate.script.AppliedDigest} of the scripts at hand, when known without reading them: a log
     * ending with this digest ({@link LogDigest}) has nothing changed and nothing due, and is not read further.
     */
    default Optional<String> digest() {
        return Optional.empty();
    }
}
