package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.runtime.RunResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, point 13: one database driven by Alembic and this engine in turn. Alembic folds a
 * dependency's version row into its dependent's ({@code HeadMaintainer}); this engine reads such rows as
 * Alembic does (what is current, what is applied, what a plan runs) and writes its own by the same rules.
 *
 * <p>{@link #DEPENDENCIES} has a {@code depends_on} inside one tree (d on c, across the branches of a),
 * one across two roots (e on l1, the base of branch "lib"), and a {@code depends_on} target with no
 * children (c, Alembic's "effective head"):
 * <pre>
 *      / b - d - e - f        d depends on c, e depends on l1
 *   a
 *      \ c
 *   l1 - l2                    label "lib"
 * </pre>
 * {@link #MERGES} adds a merge point with a dependency of its own, and dependencies between branches
 * that revise a shared base:
 * <pre>
 *      / s1 - s2 \
 *   r              m - v      t1 (label "tee") depends on s1, m on u1
 *      \ t1 ------/
 *          \ w                w depends on u2
 *   u1 - u2                    label "util"
 *      \ x                    x depends on s2
 * </pre>
 *
 * <p>How the turns were recorded: the same revisions as Python revision files (same ids,
 * {@code down_revision}, {@code branch_labels}, {@code depends_on}, empty upgrade/downgrade), run by
 * Alembic 1.8.1 (Debian's python3-alembic, /usr/bin/python3) on one SQLite file, the commands in the
 * order listed through {@code alembic.command.upgrade/downgrade/stamp}; after each, the rows of
 * {@code alembic_version}, the revisions {@code on_version_apply} reported, and the lines of
 * {@code alembic.command.current}. The script that did it is {@code alembic_rows.py} in this test's
 * resources ({@code src/test/resources/dev/migrate/it}). Rows, revisions run and current lines are sorted,
 * since Alembic keeps them in sets.
 */
class AlembicVersionRowsTest {

    enum Actor { ENGINE, ALEMBIC }

    /** One command, who runs it in {@link #takingTurns}, and what Alembic left after it (sorted). */
    record Turn(Actor actor, String command, String rows, String ran, String current) {

        List<String> rowList() {
            return words(rows);
        }
    }

    /** A graph (id, revises, labels, depends on) and the turns recorded on it. */
    record Scenario(String name, List<List<String>> revisions, List<Turn> turns) {
    }

    static final Scenario DEPENDENCIES = new Scenario("dependencies", List.of(
            List.of("a", "", "", ""), List.of("b", "a", "", ""), List.of("c", "a", "", ""), List.of("d", "b", "", "c"),
            List.of("l1", "", "lib", ""), List.of("l2", "l1", "", ""), List.of("e", "d", "", "l1"),
            List.of("f", "e", "", "")), List.of(
            new Turn(Actor.ENGINE, "upgrade d", "d", "a b c d", "c (effective head) | d"),
            new Turn(Actor.ALEMBIC, "upgrade lib@head", "d l2", "l1 l2", "c (effective head) | d | l2 (head)"),
            new Turn(Actor.ENGINE, "upgrade heads", "f l2", "e f", "c (effective head) | f (head) | l2 (head)"),
            new Turn(Actor.ALEMBIC, "downgrade l1", "f", "l2", "c (effective head) | f (head) | l1"),
            new Turn(Actor.ENGINE, "downgrade b", "b c l1", "d e f", "b | c (effective head) | l1"),
            new Turn(Actor.ALEMBIC, "stamp d", "d l1", "", "c (effective head) | d | l1"),
            new Turn(Actor.ENGINE, "stamp l2", "d l2", "", "c (effective head) | d | l2 (head)"),
            new Turn(Actor.ALEMBIC, "upgrade heads", "f l2", "e f", "c (effective head) | f (head) | l2 (head)"),
            new Turn(Actor.ENGINE, "stamp c", "c l2", "", "c (effective head) | l2 (head)"),
            new Turn(Actor.ALEMBIC, "downgrade base", "", "a c l1 l2", ""),
            new Turn(Actor.ENGINE, "upgrade e", "e", "a b c d e l1", "c (effective head) | e | l1"),
            new Turn(Actor.ALEMBIC, "downgrade -1", "d l1", "e", "c (effective head) | d | l1"),
            new Turn(Actor.ENGINE, "stamp heads", "f l2", "", "c (effective head) | f (head) | l2 (head)"),
            new Turn(Actor.ALEMBIC, "downgrade lib@base", "d", "e f l1 l2", "c (effective head) | d"),
            new Turn(Actor.ENGINE, "upgrade l1", "d l1", "l1", "c (effective head) | d | l1"),
            new Turn(Actor.ALEMBIC, "downgrade a", "a l1", "b c d", "a (branchpoint) | l1"),
            new Turn(Actor.ENGINE, "upgrade c", "c l1", "c", "c (effective head) | l1"),
            new Turn(Actor.ALEMBIC, "upgrade d", "d l1", "b d", "c (effective head) | d | l1"),
            new Turn(Actor.ENGINE, "stamp b", "b l1", "", "b | l1"),
            new Turn(Actor.ALEMBIC, "upgrade heads", "f l2", "c d e f l2", "c (effective head) | f (head) | l2 (head)"),
            new Turn(Actor.ENGINE, "downgrade d", "d l2", "e f", "c (effective head) | d | l2 (head)"),
            new Turn(Actor.ALEMBIC, "stamp base", "", "", ""),
            new Turn(Actor.ENGINE, "stamp e", "e", "", "c (effective head) | e | l1"),
            new Turn(Actor.ALEMBIC, "downgrade -2", "b c l1", "d e", "b | c (effective head) | l1")
    ));

    static final Scenario MERGES = new Scenario("merges", List.of(
            List.of("r", "", "", ""), List.of("s1", "r", "", ""), List.of("s2", "s1", "", ""),
            List.of("t1", "r", "tee", "s1"), List.of("m", "s2, t1", "", "u1"), List.of("u1", "", "util", ""),
            List.of("u2", "u1", "", ""), List.of("v", "m", "", ""), List.of("w", "t1", "", "u2"),
            List.of("x", "u1", "", "s2")), List.of(
            new Turn(Actor.ENGINE, "upgrade t1", "t1", "r s1 t1", "s1 | t1 (branchpoint)"),
            new Turn(Actor.ALEMBIC, "upgrade s2", "s2 t1", "s2", "s2 | t1 (branchpoint)"),
            new Turn(Actor.ENGINE, "upgrade m", "m", "m u1", "m (mergepoint) | u1 (branchpoint)"),
            new Turn(Actor.ALEMBIC, "upgrade u2", "m u2", "u2", "m (mergepoint) | u2 (effective head)"),
            new Turn(Actor.ENGINE, "upgrade w", "m w", "w", "m (mergepoint) | u2 (effective head) | w (head)"),
            new Turn(Actor.ALEMBIC, "upgrade heads", "v w x", "v x", "u2 (effective head) | v (head) | w (head) | x (head)"),
            new Turn(Actor.ENGINE, "downgrade m", "m w x", "v", "m (mergepoint) | u2 (effective head) | w (head) | x (head)"),
            new Turn(Actor.ALEMBIC, "downgrade s2", "w x", "m", "s2 | u2 (effective head) | w (head) | x (head)"),
            new Turn(Actor.ENGINE, "stamp v", "v w x", "", "u2 (effective head) | v (head) | w (head) | x (head)"),
            new Turn(Actor.ALEMBIC, "downgrade u1", "v", "u2 w x", "u1 (branchpoint) | v (head)"),
            new Turn(Actor.ENGINE, "stamp base", "", "", ""),
            new Turn(Actor.ALEMBIC, "upgrade x", "x", "r s1 s2 u1 x", "s2 | x (head)"),
            new Turn(Actor.ENGINE, "downgrade -1", "s2 u1", "x", "s2 | u1 (branchpoint)"),
            new Turn(Actor.ALEMBIC, "upgrade heads", "v w x", "m t1 u2 v w x", "u2 (effective head) | v (head) | w (head) | x (head)"),
            new Turn(Actor.ENGINE, "downgrade t1", "t1 u2 x", "m v w", "s2 | t1 (branchpoint) | u2 (effective head) | x (head)"),
            new Turn(Actor.ALEMBIC, "stamp w", "w x", "", "s2 | u2 (effective head) | w (head) | x (head)"),
            new Turn(Actor.ENGINE, "downgrade r", "r u2", "s1 s2 t1 w x", "r (branchpoint) | u2 (effective head)"),
            new Turn(Actor.ALEMBIC, "upgrade v", "u2 v", "m s1 s2 t1 v", "u2 (effective head) | v (head)"),
            new Turn(Actor.ENGINE, "downgrade base", "", "m r s1 s2 t1 u1 u2 v", "")
    ));

    static final List<Scenario> SCENARIOS = List.of(DEPENDENCIES, MERGES);

    @TempDir
    Path tmp;

    /** Odd turns are Alembic's (its rows are written as it left them); even turns are this engine's. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void takingTurns(Kind kind) throws Exception {
        for (Scenario scenario : SCENARIOS) {
            TestDatabase db = kind.create(Files.createDirectories(tmp.resolve(scenario.name())));
            Migrate migrate = Engines.over(db, scripts(scenario));
            for (Turn turn : scenario.turns()) {
                if (turn.actor() == Actor.ALEMBIC) {
                    writeRows(db, turn.rowList());
                } else {
                    run(migrate, turn);
                }
                assertThat(rows(db)).as("%s: rows after %s %s", scenario.name(), turn.actor(), turn.command())
                        .isEqualTo(turn.rowList());
                assertThat(migrate.current(false).lines()).as("%s: current after %s", scenario.name(), turn.command())
                        .containsExactlyInAnyOrderElementsOf(currentLines(turn));
            }
        }
    }

    /** Every command by this engine, each from the rows Alembic left before it. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyCommandFromAlembicsRows(Kind kind) throws Exception {
        for (Scenario scenario : SCENARIOS) {
            TestDatabase db = kind.create(Files.createDirectories(tmp.resolve(scenario.name())));
            Migrate migrate = Engines.over(db, scripts(scenario));
            migrate.stamp("base", false);
            List<String> before = List.of();
            for (Turn turn : scenario.turns()) {
                writeRows(db, before);
                run(migrate, turn);
                assertThat(rows(db)).as("%s: rows after %s from %s", scenario.name(), turn.command(), before)
                        .isEqualTo(turn.rowList());
                before = turn.rowList();
            }
        }
    }

    private void run(Migrate migrate, Turn turn) {
        String[] verb = turn.command().split(" ", 2);
        RunResult result = switch (verb[0]) {
            case "upgrade" -> migrate.upgrade(verb[1]);
            case "downgrade" -> migrate.downgrade(verb[1]);
            case "stamp" -> migrate.stamp(verb[1], false);
            default -> throw new IllegalArgumentException(turn.command());
        };
        Set<String> ran = result.steps().stream().map(step -> step.step().revision().id()).collect(Collectors.toSet());
        assertThat(ran).as("revisions %s ran", turn.command()).containsExactlyInAnyOrderElementsOf(words(turn.ran()));
    }

    private Path scripts(Scenario scenario) {
        ScriptFiles files = new ScriptFiles(tmp.resolve(scenario.name()).resolve("migrations"));
        for (List<String> revision : scenario.revisions()) {
            revision(files, revision.get(0), revision.get(1), revision.get(2), revision.get(3));
        }
        return files.directory();
    }

    private static void revision(ScriptFiles files, String id, String revises, String labels, String dependsOn) {
        files.writeRaw(id + "_step.sql", "-- step " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises
                + "\n-- Create Date: 2026-12-07 10:00:00.000000\n-- Branch Labels: " + labels + "\n-- Depends On: "
                + dependsOn + "\n\n-- migrate:upgrade\n\n-- migrate:downgrade\n");
    }

    private static List<String> rows(TestDatabase db) throws Exception {
        return db.queryStrings("SELECT version_num FROM alembic_version ORDER BY version_num");
    }

    /** What Alembic's HeadMaintainer leaves: only the rows, in the table this engine also uses. */
    private static void writeRows(TestDatabase db, List<String> rows) throws Exception {
        db.execute("DELETE FROM alembic_version");
        for (String row : rows) {
            db.execute("INSERT INTO alembic_version (version_num) VALUES ('" + row + "')");
        }
    }

    private static List<String> currentLines(Turn turn) {
        return turn.current().isEmpty() ? List.of() : Arrays.asList(turn.current().split(" \\| "));
    }

    private static List<String> words(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split(" "));
    }
}
