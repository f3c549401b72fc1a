package dev.migrate.command;

import dev.migrate.runtime.AtTargetCheck;
import dev.migrate.runtime.DriftCheck;
import dev.migrate.runtime.LogEntry;
import dev.migrate.runtime.RepeatableHistory;
import dev.migrate.script.IndexedScripts;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The lock-free check of an upgrade to {@code heads} (or {@code head} with one head) answered from the script indexes
 * of packaged scripts: at target when the version table holds exactly the heads the indexes give, every revision then
 * applied; due when a repeatable script is, or an applied script's indexed checksum is not the one the log recorded.
 */
record IndexedAtHead(IndexedScripts indexed, String target) implements AtTargetCheck {

    /** Whether this check can answer for an upgrade to {@code target}; other targets need the graph. */
    static boolean answers(String target) {
        return "heads".equals(target) || "head".equals(target);
    }

    @Override
    public Optional<List<String>> target(List<String> heads) {
        if ("head".equals(target) && indexed.heads().size() != 1) {
            return Optional.empty(); // the plan says which heads there are
        }
        boolean atHeads = heads.size() == indexed.heads().size() && new HashSet<>(heads).containsAll(indexed.heads());
        return atHeads ? Optional.of(heads) : Optional.empty();
    }

    @Override
    public Optional<String> digest() {
        return Optional.of(indexed.digest());
    }

    @Override
    public boolean anythingDue(List<String> heads, List<String> target, List<LogEntry> log, boolean validate) {
        return !indexed.repeatables().isEmpty() && !RepeatableHistory.of(log).due(indexed.repeatables()).isEmpty()
                || validate && DriftCheck.anyChangedAtHead(indexed.checksums(), log);
    }
}
