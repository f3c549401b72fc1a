package dev.migrate.command;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.script.MigrationScript;
import dev.migrate.script.ScriptSet;

/** The loaded scripts and the graph they form, for one command. */
record Scripts(ScriptSet set, RevisionGraph graph) {

    MigrationScript script(String id) {
        return set.get(id);
    }

    /** The script of a revision found in the database, or a clear error when no script knows it. */
    MigrationScript scriptOrUnknown(String id) {
        return set.find(id).orElseThrow(() -> new MigrateException("The database is at revision '" + id
                + "', which no script knows; restore the script that made it, or 'stamp' the database with a known"
                + " revision"));
    }
}
