package dev.migrate.script;

import dev.migrate.graph.Revision;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a script's header says: the lines above {@code -- migrate:upgrade}. Keeps the line numbers of
 * the lines that name other revisions, so that a reference to an unknown revision can point at them.
 *
 * @param message       the first comment line, or null when the header has none
 * @param createDate    the {@code Create Date} text as written, or null
 * @param transactional false when the header says {@code -- migrate:no-transaction}
 * @param foreignKeysOff true when the header says {@code -- migrate:foreign-keys-off}: the script rebuilds
 *                       SQLite tables that others refer to, which is only safe with enforcement off
 * @param upgradeLine   the line of {@code -- migrate:upgrade}
 */
public record ScriptHeader(
        String message,
        String revisionId,
        List<String> revises,
        String createDate,
        List<String> branchLabels,
        List<String> dependsOn,
        boolean transactional,
        boolean foreignKeysOff,
        int revisionLine,
        int revisesLine,
        int dependsOnLine,
        int upgradeLine) {

    public ScriptHeader {
        revises = List.copyOf(revises);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    public Revision revision() {
        return new Revision(revisionId, revises, new LinkedHashSet<>(branchLabels), dependsOn);
    }
}
