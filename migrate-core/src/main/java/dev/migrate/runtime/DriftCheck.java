package dev.migrate.runtime;

import dev.migrate.graph.Revision;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Step;
import dev.migrate.script.MigrationScript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the applied revisions whose scripts changed since they were applied (Flyway's validate-on-migrate).
 * What was applied is the version table's heads and everything below them in the graph; what each script was
 * is the checksum of the revision's newest successful {@code upgrade} or {@code repair} row in the log (a
 * {@code downgrade} forgets it, a {@code stamp} records none). A revision with no checksum recorded - applied
 * before the log existed (adopted from Alembic), stamped, or a Java migration without one - is never drift.
 *
 * <p>Only the scripts of revisions with a recorded checksum are read, each streamed once through
 * {@link dev.migrate.script.Checksum} and never split into statements. With validation off
 * ({@link RuntimeSettings#validateOnMigrate()}) an upgrade reads neither the log nor any body for it.
 */
public final class DriftCheck {

    /** The log direction of a row that re-records a script's checksum after a reviewed edit. */
    public static final String REPAIR = "repair";

    private final RevisionGraph graph;
    private final Function<String, MigrationScript> scripts;

    public DriftCheck(RevisionGraph graph, Function<String, MigrationScript> scripts) {
        this.graph = graph;
        this.scripts = scripts;
    }

    /**
     * The applied revisions whose scripts changed, parents first. Empty when the database is at a revision no
     * script knows: the plan says that more clearly than a partial check could.
     */
    public List<ChangedScript> changed(List<String> heads, List<LogEntry> log) {
        Map<String, String> recorded = recordedChecksums(log);
        if (recorded.isEmpty() || heads.stream().anyMatch(head -> graph.find(head).isEmpty())) {
            return List.of();
        }
        Set<String> pending = new HashSet<>();
        for (Step step : graph.upgrade(heads, "heads").steps()) {
            pending.add(step.revision().id());
        }
        List<ChangedScript> changed = new ArrayList<>();
        for (Revision revision : graph.revisions()) {
            String checksum = recorded.get(revision.id());
            if (checksum == null || pending.contains(revision.id())) {
                continue;
            }
            MigrationScript script = scripts.apply(revision.id());
            String current = script.checksum();
            if (current != null && !current.equals(checksum)) {
                changed.add(new ChangedScript(revision.id(), script.location(), script.message(), checksum, current));
            }
        }
        return changed;
    }

    /**
     * Whether a database at head (every revision applied) has an applied script whose checksum of today,
     * {@code checksums} by revision id, differs from the one {@code log} recorded: {@link #changed} when the graph
     * itself is not needed.
     */
    public static boolean anyChangedAtHead(Map<String, String> checksums, List<LogEntry> log) {
        for (Map.Entry<String, String> recorded : recordedChecksums(log).entrySet()) {
            String current = checksums.get(recorded.getKey());
            if (current != null && !current.equals(recorded.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** Refuses, naming every changed script, when {@link #changed} finds any. */
    public void require(List<String> heads, List<LogEntry> log) {
        List<ChangedScript> changed = changed(heads, log);
        if (!changed.isEmpty()) {
            throw new ScriptsChangedException(changed);
        }
    }

    /** Each revision's checksum as the log last recorded it; null where the newest record carries none. */
    static Map<String, String> recordedChecksums(List<LogEntry> log) {
        Map<String, String> recorded = new HashMap<>();
        for (LogEntry entry : log) {
            if (!entry.success()) {
                continue;
            }
            switch (entry.direction()) {
                case "upgrade", REPAIR -> recorded.put(entry.revision(), entry.checksum());
                case "stamp" -> recorded.put(entry.revision(), null);
                case "downgrade" -> recorded.remove(entry.revision());
                default -> {
                    // a direction this version does not know records nothing about the script
                }
            }
        }
        recorded.values().removeIf(Objects::isNull);
        return recorded;
    }
}
