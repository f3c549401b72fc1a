package dev.migrate.command;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.script.MigrationScript;
import dev.migrate.script.ScriptSet;

import java.util.List;

/** The loaded scripts and the graph they form, for one command. */
record Scripts(ScriptSet set, RevisionGraph graph) {

    MigrationScript script(String id) {
        return set.get(id);
    }

    /** The revisions of {@code heads} (read from a version table) that no script defines: the database is ahead. */
    List<String> unknown(List<String> heads) {
        return heads.stream().filter(head -> set.find(head).isEmpty()).toList();
    }
}
