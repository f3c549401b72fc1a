package dev.migrate.autogenerate;

import dev.migrate.op.Operation;

import java.util.List;

/**
 * Alembic's {@code process_revision_directives}: rewrites the operations autogenerate found before {@code db migrate}
 * ({@code db revision --autogenerate}) writes the script: drop some, reorder them, add {@code ExecuteSql}. Returning
 * no operations writes no script (Alembic's recipe "don't generate empty migrations"). Called even when nothing was
 * detected, as Alembic calls it; not called by {@code db check}.
 */
@FunctionalInterface
public interface ProcessRevisionDirectives {

    ProcessRevisionDirectives NONE = GeneratedRevision::operations;

    /** The operations to write, in their order; empty for no script. */
    List<Operation> process(GeneratedRevision revision);

    /** Each processor in turn, each given what the one before it returned. */
    static ProcessRevisionDirectives chain(List<? extends ProcessRevisionDirectives> processors) {
        List<ProcessRevisionDirectives> all = List.copyOf(processors);
        return revision -> {
            GeneratedRevision current = revision;
            for (ProcessRevisionDirectives processor : all) {
                current = current.withOperations(processor.process(current));
            }
            return current.operations();
        };
    }
}
