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
 * output), the data-loss warnings (first those naming what autogenerate does not manage on the tables it alters:
 * {@code notManaged}), and the two script sections. Nothing here prints.
 */
public record Changes(Dialect dialect, List<Operation> operations, List<String> descriptions,
                      Set<String> tablesWithRows, List<DataLossWarning> notManaged) {

    public Changes {
        operations = List.copyOf(operations);
        descriptions = List.copyOf(descriptions);
        tablesWithRows = Set.copyOf(tablesWithRows);
        notManaged = List.copyOf(notManaged);
    }

    public Changes(Dialect dialect, List<Operation> operations, List<String> descriptions, Set<String> tablesWithRows) {
        this(dialect, operations, descriptions, tablesWithRows, List.of());
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
        List<DataLossWarning> warnings = new ArrayList<>(notManaged);
        warnings.addAll(warnings(operations, tablesWithRows::contains));
        return warnings;
    }

    /** Warnings of the downgrade, assuming every table has rows by the time it runs. */
    public List<DataLossWarning> downgradeWarnings() {
        return warnings(downgradeOperations(), table -> true);
    }

    /** The upgrade section: each operation's statements, each preceded by its {@code -- WARNING:} lines. */
    public String upgradeSql() {
        StringBuilder notes = new StringBuilder();
        notManaged.forEach(note -> notes.append("-- WARNING: ").append(note.message()).append('\n'));
        String statements = ScriptRenderer.render(dialect, operations, tablesWithRows::contains);
        return notes.isEmpty() ? statements : notes + "\n" + statements;
    }

    /** The downgrade section: the exact inverse of {@link #upgradeSql()}. */
    public String downgradeSql() {
        return ScriptRenderer.render(dialect, downgradeOperations(), table -> true);
    }

    private static List<DataLossWarning> warnings(List<Operation> operations, Predicate<String> hasRows) {
        return operations.stream().flatMap(operation -> DataLoss.of(operation, hasRows).stream()).toList();
    }
}
