package dev.migrate.runtime;

import dev.migrate.script.RepeatableScript;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the log says about the repeatable scripts: for each name its newest successful application (its checksum
 * then) and whether its newest attempt failed, and whether a downgrade ran since. A downgrade never runs them, but
 * may drop what they made (a view over a table it drops), so the next upgrade to head applies every one again.
 * Read from the rows with direction {@link LogEntry#REPEATABLE} and {@code downgrade}, oldest first.
 */
public final class RepeatableHistory {

    private final Map<String, Integer> lastSuccess = new HashMap<>();
    private final Map<String, LogEntry> lastApplied = new HashMap<>();
    private final Map<String, LogEntry> lastAttempt = new HashMap<>();
    private int lastDowngrade = -1;

    private RepeatableHistory() {
    }

    public static RepeatableHistory of(List<LogEntry> log) {
        RepeatableHistory history = new RepeatableHistory();
        for (int i = 0; i < log.size(); i++) {
            LogEntry entry = log.get(i);
            if (entry.direction().equals(LogEntry.REPEATABLE)) {
                history.lastAttempt.put(entry.revision(), entry);
                if (entry.success()) {
                    history.lastSuccess.put(entry.revision(), i);
                    history.lastApplied.put(entry.revision(), entry);
                }
            } else if (entry.direction().equals("downgrade") && entry.success()) {
                history.lastDowngrade = i;
            }
        }
        return history;
    }

    /** The newest successful application of {@code name}, if any. */
    public Optional<LogEntry> lastApplied(String name) {
        return Optional.ofNullable(lastApplied.get(name));
    }

    /** The newest attempt of {@code name} when it failed. */
    public Optional<LogEntry> failure(String name) {
        return Optional.ofNullable(lastAttempt.get(name)).filter(entry -> !entry.success());
    }

    public RepeatableState stateOf(RepeatableScript script) {
        if (failure(script.name()).isPresent()) {
            return RepeatableState.FAILED;
        }
        Integer applied = lastSuccess.get(script.name());
        if (applied == null || lastDowngrade > applied) {
            return RepeatableState.PENDING;
        }
        return script.checksum().equals(lastApplied.get(script.name()).checksum())
                ? RepeatableState.APPLIED : RepeatableState.CHANGED;
    }

    /**
     * The checksum of each repeatable script as it stands applied: applied with success, its newest attempt not a
     * failure, no downgrade since. A script of that name and checksum is not due; any other is.
     */
    public Map<String, String> appliedChecksums() {
        Map<String, String> applied = new HashMap<>();
        lastApplied.forEach((name, entry) -> {
            if (failure(name).isEmpty() && lastSuccess.get(name) > lastDowngrade) {
                applied.put(name, entry.checksum());
            }
        });
        return applied;
    }

    /** The scripts an upgrade to head applies, in their order (by name). */
    public List<RepeatableScript> due(List<RepeatableScript> scripts) {
        return scripts.stream().filter(script -> stateOf(script) != RepeatableState.APPLIED).toList();
    }
}
