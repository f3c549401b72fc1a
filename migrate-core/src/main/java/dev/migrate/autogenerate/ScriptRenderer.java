package dev.migrate.autogenerate;

import dev.migrate.dialect.Dialect;
import dev.migrate.op.Operation;

import java.util.List;
import java.util.function.Predicate;

/** Operations into the text of a script section: statements ended by semicolons, warnings just above. */
public final class ScriptRenderer {

    private ScriptRenderer() {
    }

    public static String render(Dialect dialect, List<Operation> operations, Predicate<String> hasRows) {
        StringBuilder sql = new StringBuilder();
        int count = 0;
        for (Operation operation : operations) {
            List<String> statements = dialect.render(operation);
            count += statements.size();
            if (statements.isEmpty()) {
                // an operation that does nothing this way round (the other half of an ExecuteSql)
                continue;
            }
            if (!sql.isEmpty()) {
                sql.append('\n');
            }
            for (DataLossWarning warning : DataLoss.of(operation, hasRows)) {
                sql.append("-- WARNING: ").append(warning.message().replace('\n', ' ')).append('\n');
            }
            for (String statement : statements) {
                String text = statement.strip();
                String lastLine = text.substring(text.lastIndexOf('\n') + 1);
                if (!text.endsWith(";") && !lastLine.startsWith("--")) { // a warning alone needs no semicolon
                    // MariaDB: a trigger's body between DELIMITER lines, so that the script's lexer reads one statement
                    sql.append(dialect.offlineStatement(text));
                } else {
                    sql.append(text);
                }
                sql.append('\n');
            }
        }
        return count > 1 && !dialect.transactionalDdl()
                ? nonTransactionalNote(dialect) + sql : sql.toString();
    }

    /**
     * Where DDL commits as it goes (MariaDB, MySQL), a failure in the middle of a section leaves the statements above
     * it applied and the revision unrecorded: the section says so first, and the runner's error names those statements.
     */
    static String nonTransactionalNote(Dialect dialect) {
        return "-- " + dialect.displayName() + " commits each DDL statement: if one fails, the statements above it stay "
                + "applied and the revision is not recorded (the error names them): undo them by hand or make the script "
                + "skip them, then run it again.\n\n";
    }
}
