package dev.migrate.autogenerate;

import dev.migrate.op.Operation;

import java.util.List;

/**
 * What autogenerate is about to write, as {@link ProcessRevisionDirectives} sees it: the revision's message, the
 * dialect's name ({@code sqlite}, {@code postgresql}) and the upgrade's operations in the order they run (the
 * downgrade is their reverse).
 */
public record GeneratedRevision(String message, String dialect, List<Operation> operations) {

    public GeneratedRevision {
        operations = List.copyOf(operations);
    }

    public GeneratedRevision withOperations(List<Operation> value) {
        return new GeneratedRevision(message, dialect, value);
    }
}
