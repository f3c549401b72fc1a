package dev.migrate.runtime;

import dev.migrate.graph.Direction;
import dev.migrate.graph.Step;
import dev.migrate.script.ScriptException;
import dev.migrate.dialect.Dialect;
import dev.migrate.script.MigrationArguments;
import dev.migrate.script.RepeatableScript;
import dev.migrate.script.SqlMigrationScript;
import dev.migrate.script.SqlSyntax;
import dev.migrate.script.Statement;

import java.util.List;

/**
 * The statements an SQL script runs for a step, or a clear error when it has none for that direction; and those of a
 * repeatable script.
 */
final class ScriptStatements {

    private ScriptStatements() {
    }

    /** The statements of a repeatable script, split as the database reads them ({@link #syntax}). */
    static List<Statement> of(RepeatableScript script, SqlSyntax syntax, MigrationArguments arguments) {
        return script.statements(syntax, arguments);
    }

    static List<Statement> of(Step step, SqlMigrationScript script, SqlSyntax syntax, MigrationArguments arguments) {
        if (step.direction() == Direction.UPGRADE) {
            return script.upgradeStatements(syntax, arguments);
        }
        // Split with the database's syntax first: hasDowngrade then reuses that reading.
        List<Statement> statements = script.downgradeStatements(syntax, arguments);
        if (!script.hasDowngrade()) {
            throw new ScriptException(script.location() + ": revision " + script.id() + " has no '-- migrate:downgrade'"
                    + " section, so it cannot be downgraded; add one (an empty section means nothing to undo)");
        }
        return statements;
    }

    /**
     * How {@code dialect}'s database reads scripts on a session in {@code sqlMode} ({@link Dialect#sqlMode}; null where
     * the database has no such mode).
     */
    static SqlSyntax syntax(Dialect dialect, String sqlMode) {
        return SqlSyntax.of(dialect.hashComments(), dialect.backslashEscapes(), sqlMode);
    }
}
