package dev.migrate.autogenerate;

import dev.migrate.dialect.Dialect;
import dev.migrate.op.Operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What autogenerate found: the operations of the upgrade in the order they run (already folded into table
 * rebuilds where the dialect needs them), Alembic's one-line descriptions ({@code db check}, {@code db migrate}
 * output), the data-loss warnings, and the two script sections. Nothing here prints.
 */
public record Changes(Dialect dialect, List<Operation> operations, List<String> descriptions,
                      Set<String> tablesWithRows) {

    public Changes {
        operations = List.copyOf(operations);
        descriptions = List.copyOf(descriptions);
        tablesWithRows = Set.copyOf(tablesWithRows);
    }

    /**
     * These changes with {@code rewritten} operations (a {@link ProcessRevisionDirectives}' result): the descriptions
     * are then those of the operations written.
     */
    public Changes withOperations(List<Operation> rewritten) {
        if (rewritten.equals(operations)) {
            return this;
        }
        return new Changes(dialect, rewritten, rewritten.stream().flatMap(operation -> Descriptions.of(operation).stream())
                .toList(), tablesWithRows);
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }

    /** The downgrade: each operation reversed, in reverse order. */
    public List<Operation> downgradeOperations() {
        List<Operation> reversed = new ArrayList<>();
        for (Operation operation : operations) {
            reversed.add(operation.reverse());
        }
        Collections.reverse(reversed);
        return reversed;
    }

    /** Warnings of the upgrade: NOT NULL without default only for the tables the caller said have rows. */
    public List<DataLossWarning> warnings() {
        return warnings(operations, tablesWithRows::contains);
    }

    /** Warnings of the downgrade, assuming every table has rows by the time it runs. */
    public List<DataLossWarning> downgradeWarnings() {
        return warnings(downgradeOperations(), table -> true);
    }

    /** The upgrade section: each operation's statements, each preceded by its {@code -- WARNING:} lines. */
    public String upgradeSql() {
        return ScriptRenderer.render(dialect, operations, tablesWithRows::contains);
    }

    /** The downgrade section: the exact inverse of {@link #upgradeSql()}. */
    public String downgradeSql() {
        return ScriptRenderer.render(dialect, downgradeOperations(), table -> true);
    }

    private static List<DataLossWarning> warnings(List<Operation> operations, Predicate<String> hasRows) {
        return operations.stream().flatMap(operation -> DataLoss.of(operation, hasRows).stream()).toList();
    }
}
