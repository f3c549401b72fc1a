package dev.migrate.command;

import dev.migrate.graph.Revision;
import dev.migrate.graph.Step;
import dev.migrate.runtime.ChangedScript;
import dev.migrate.runtime.DatabaseState;
import dev.migrate.runtime.DriftCheck;
import dev.migrate.runtime.FailedAttempt;
import dev.migrate.runtime.LogEntry;
import dev.migrate.runtime.RepeatableHistory;
import dev.migrate.script.RepeatableScript;
import dev.migrate.script.MigrationScript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Puts the scripts and the database's own record together into a {@link MigrationStatus}. */
final class StatusReport {

    private StatusReport() {
    }

    static MigrationStatus of(Scripts scripts, DatabaseState state) {
        List<String> unknown = scripts.unknown(state.heads());
        List<MigrationStatus.Pending> pending = new ArrayList<>();
        Set<String> pendingIds = new HashSet<>();
        if (unknown.isEmpty()) {
            for (Step step : scripts.graph().upgrade(state.heads(), "heads").steps()) {
                pendingIds.add(step.revision().id());
                pending.add(new MigrationStatus.Pending(step.revision().id(), scripts.script(step.revision().id()).message()));
            }
        }
        Map<String, LogEntry> lastApplied = lastSuccessfulUpgrade(state.log());
        List<MigrationStatus.Applied> applied = new ArrayList<>();
        // The same rule the upgrade enforces, so that what status shows as edited is what upgrade refuses.
        List<String> edited = new DriftCheck(scripts.graph(), scripts::script).changed(state.heads(), state.log()).stream()
                .map(ChangedScript::revision).toList();
        if (unknown.isEmpty()) {
            for (Revision revision : scripts.graph().revisions()) {
                if (pendingIds.contains(revision.id())) {
                    continue;
                }
                MigrationScript script = scripts.script(revision.id());
                LogEntry entry = lastApplied.get(revision.id());
                applied.add(entry == null
                        ? new MigrationStatus.Applied(revision.id(), script.message(), null, null, null, null)
                        : new MigrationStatus.Applied(revision.id(), script.message(), entry.startedAt(),
                                entry.durationMillis(), entry.checksum(), entry.installedBy()));
            }
        }
        return new MigrationStatus(state.dialect(), state.heads(), scripts.graph().heads(), pending, applied,
                state.lockHolder().orElse(null), edited, unknown, FailedAttempt.unresolved(state.log()),
                repeatables(scripts, state.log()));
    }

    /**
     * Each repeatable script with its state, by the rule the upgrade applies them by; {@code log} needs only the rows
     * of repeatable scripts and downgrades.
     */
    static List<MigrationStatus.Repeatable> repeatables(Scripts scripts, List<LogEntry> log) {
        RepeatableHistory history = RepeatableHistory.of(log);
        List<MigrationStatus.Repeatable> listed = new ArrayList<>();
        for (RepeatableScript script : scripts.set().repeatables()) {
            LogEntry applied = history.lastApplied(script.name()).orElse(null);
            listed.add(new MigrationStatus.Repeatable(script.name(), script.message(), script.location(),
                    history.stateOf(script), applied == null ? null : applied.startedAt(),
                    applied == null ? null : applied.durationMillis(), applied == null ? null : applied.checksum()));
        }
        return listed;
    }

    /**
     * The newest successful upgrade (or stamp) of each revision; a later downgrade removes it. A repair row
     * changes what the script is checked against, not when or how it was applied.
     */
    private static Map<String, LogEntry> lastSuccessfulUpgrade(List<LogEntry> log) {
        Map<String, LogEntry> applied = new HashMap<>();
        for (LogEntry entry : log) {
            if (!entry.success() || entry.direction().equals(DriftCheck.REPAIR) || entry.repeatable()) {
                continue;
            }
            if (entry.direction().equals("downgrade")) {
                applied.remove(entry.revision());
            } else {
                applied.put(entry.revision(), entry);
            }
        }
        return applied;
    }
}
