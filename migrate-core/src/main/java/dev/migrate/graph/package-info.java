/**
 * The revision graph: Alembic's {@code RevisionMap} in Java. {@link dev.migrate.graph.RevisionGraph}
 * validates and indexes the revisions, resolves revision expressions, and computes upgrade,
 * downgrade and stamp {@link dev.migrate.graph.Plan}s and history ranges from the database's
 * version-table rows. It depends on the JDK only: no files, no database, no logging. Every error is a
 * {@link dev.migrate.graph.GraphException} with a one-line message a user can act on.
 *
 * <p>The version-table rows follow Alembic's rules exactly ({@code HeadMaintainer}, see
 * {@code VersionRows}): applying a revision folds the row of a dependency into the dependent's row,
 * and stamp replaces the rows on the target's lineage through parents and dependencies. So one database
 * can be driven by Alembic and by this engine in turn; databases written by earlier versions of this
 * engine, which kept dependency rows, are read correctly too, because "applied" follows dependencies.
 *
 * <p>Where it knowingly differs from Alembic:
 * <ul>
 * <li>Errors instead of warnings for duplicate ids and missing parents; ids may not be the words
 * {@code head}, {@code heads}, {@code base}, {@code current}.</li>
 * <li>{@code -N} from several current heads is an error (Alembic warns and picks the first), and
 * unique prefixes of any length match (Alembic only matches ids longer than three characters).</li>
 * <li>A downgrade confined to a branch ({@code label@-N}, {@code rev@-N}, {@code label@base},
 * {@code label@rev}, and a bare {@code -N}, which Alembic takes as relative to the one current head's
 * branch) never undoes a revision that another applied branch descends from: it stops at the branch
 * point, and fails when the branch has nothing applied or fewer than N revisions of its own applied.
 * Alembic undoes the shared base with every branch above it ({@code feature@base} empties the database).
 * Revisions that depend on an undone revision are undone too, as in Alembic.</li>
 * <li>In a history range, a bare {@code -N} lower end counts down from the upper end and a bare
 * {@code +N} upper end counts up from the lower end.</li>
 * </ul>
 */
package dev.migrate.graph;
