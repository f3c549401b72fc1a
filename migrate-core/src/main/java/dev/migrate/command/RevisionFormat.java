package dev.migrate.command;

import dev.migrate.graph.Revision;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.script.MigrationScript;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Alembic's texts for a revision, so that users of {@code flask db} read what they are used to:
 * {@code <base> -> 254255afef79 (head), empty message} and the verbose {@code Rev:}/{@code Parent:}/{@code Path:} block.
 */
final class RevisionFormat {

    private final RevisionGraph graph;
    private final Set<String> current;

    RevisionFormat(RevisionGraph graph, Collection<String> current) {
        this.graph = graph;
        this.current = Set.copyOf(current);
    }

    /** Alembic's {@code cmd_format}: the verbose block, or the one-line form with the chosen parts. */
    String format(MigrationScript script, boolean verbose, boolean branches, boolean doc, boolean parents,
                  boolean treeIndicators) {
        return verbose ? verbose(script) : line(script, branches, doc, parents, treeIndicators);
    }

    /** One line: {@code parents -> id (labels) (head) (current) (branchpoint) (mergepoint), message}. */
    String line(MigrationScript script, boolean branches, boolean doc, boolean parents, boolean treeIndicators) {
        Revision revision = script.revision();
        StringBuilder text = new StringBuilder();
        if (parents) {
            text.append(parentsOf(revision));
            if (!revision.dependsOn().isEmpty()) {
                text.append(" (").append(String.join(", ", revision.dependsOn())).append(')');
            }
            text.append(" -> ");
        }
        text.append(revision.id());
        Set<String> labels = graph.branchLabelsOf(revision.id());
        if (branches && !labels.isEmpty()) {
            text.append(" (").append(String.join(", ", sorted(labels))).append(')');
        }
        // Alembic's _head_only: a head that others depend on is only an "effective" head (the verbose
        // block below calls it a plain head, as Alembic's log_entry does).
        if (graph.isEffectiveHead(revision.id())) {
            text.append(" (effective head)");
        } else if (graph.isHead(revision.id())) {
            text.append(" (head)");
        }
        if (current.contains(revision.id())) {
            text.append(" (current)");
        }
        if (treeIndicators) {
            if (graph.isBranchPoint(revision.id())) {
                text.append(" (branchpoint)");
            }
            if (revision.isMergePoint()) {
                text.append(" (mergepoint)");
            }
        }
        if (doc) {
            text.append(", ").append(script.message());
        }
        return text.toString();
    }

    /** Alembic's {@code log_entry}. */
    String verbose(MigrationScript script) {
        Revision revision = script.revision();
        String id = revision.id();
        StringBuilder text = new StringBuilder("Rev: ").append(id);
        if (graph.isHead(id)) {
            text.append(" (head)");
        }
        if (graph.isBranchPoint(id)) {
            text.append(" (branchpoint)");
        }
        if (revision.isMergePoint()) {
            text.append(" (mergepoint)");
        }
        if (current.contains(id)) {
            text.append(" (current)");
        }
        text.append('\n');
        text.append(revision.isMergePoint() ? "Merges: " : "Parent: ").append(parentsOf(revision)).append('\n');
        if (!revision.dependsOn().isEmpty()) {
            text.append("Also depends on: ").append(String.join(", ", revision.dependsOn())).append('\n');
        }
        if (graph.isBranchPoint(id)) {
            text.append("Branches into: ").append(String.join(", ", graph.children(id))).append('\n');
        }
        Set<String> labels = graph.branchLabelsOf(id);
        if (!labels.isEmpty()) {
            text.append("Branch names: ").append(String.join(", ", sorted(labels))).append('\n');
        }
        text.append("Path: ").append(script.location()).append('\n');
        text.append('\n');
        // Alembic indents every docstring line, blank ones too ("    %s" % para): a blank line is four spaces.
        for (String line : docLines(script)) {
            text.append("    ").append(line).append('\n');
        }
        return text.toString();
    }

    private static List<String> docLines(MigrationScript script) {
        Revision revision = script.revision();
        return List.of(script.message(), "", "Revision ID: " + revision.id(),
                "Revises: " + String.join(", ", revision.downRevisions()),
                "Create Date: " + (script.createDate() == null ? "" : script.createDate()));
    }

    static String parentsOf(Revision revision) {
        return revision.downRevisions().isEmpty() ? "<base>" : String.join(", ", revision.downRevisions());
    }

    private static List<String> sorted(Set<String> labels) {
        return labels.stream().sorted().toList();
    }
}
