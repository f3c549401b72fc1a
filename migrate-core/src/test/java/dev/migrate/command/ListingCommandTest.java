package dev.migrate.command;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code history}, {@code current}, {@code heads}, {@code branches} and {@code show}, compared with the
 * texts Alembic prints ({@code Script.log_entry}, {@code _head_only}, {@code command.branches}) for the
 * same graph (a label spreads to descendants and down to the nearest branch or merge point, not past it):
 *
 * <pre>
 *                     / bbbb00000002 (add orders)   \
 * aaaa00000001 (base)                                 dddd00000004 (merge) - eeee00000005 (label "reports")
 *                     \ cccc00000003 (add invoices) /
 * </pre>
 */
class ListingCommandTest {

    static final String A = "aaaa00000001";
    static final String B = "bbbb00000002";
    static final String C = "cccc00000003";
    static final String D = "dddd00000004";
    static final String E = "eeee00000005";

    @TempDir
    Path tmp;

    private Path scripts;
    private Migrate migrate;

    @BeforeEach
    void setUp() throws IOException {
        scripts = tmp.resolve("migrations");
        Files.createDirectories(scripts);
        write(A, "", "", "create users", "CREATE TABLE users (id INTEGER);", "DROP TABLE users;");
        write(B, A, "", "add orders", "CREATE TABLE orders (id INTEGER);", "DROP TABLE orders;");
        write(C, A, "", "add invoices", "CREATE TABLE invoices (id INTEGER);", "DROP TABLE invoices;");
        write(D, B + ", " + C, "", "merge orders and invoices", "", "");
        write(E, D, "reports", "add reports", "CREATE TABLE reports (id INTEGER);", "DROP TABLE reports;");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + tmp.resolve("app.db"));
        migrate = new Migrate(MigrateConfig.builder().dataSource(dataSource).scriptDirectory(scripts).build());
    }

    private void write(String id, String revises, String labels, String message, String up, String down) throws IOException {
        Files.writeString(path(id, message), "-- " + message + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises
                + "\n-- Create Date: 2026-11-21 10:00:00.000000\n-- Branch Labels: " + labels + "\n-- Depends On:\n\n"
                + "-- migrate:upgrade\n" + up + "\n\n-- migrate:downgrade\n" + down + "\n");
    }

    private Path path(String id, String message) {
        return scripts.resolve(id + "_" + message.replace(' ', '_') + ".sql");
    }

    /** Alembic's log_entry for these scripts: the docstring lines indented by four spaces, blank ones too. */
    private String block(String firstLine, String parentLine, String extra, String id, String message, String revises) {
        return firstLine + "\n" + parentLine + "\n" + extra + "Path: " + path(id, message) + "\n\n"
                + "    " + message + "\n"
                + "    \n"
                + "    Revision ID: " + id + "\n"
                + "    Revises: " + revises + "\n"
                + "    Create Date: 2026-11-21 10:00:00.000000\n";
    }

    // ---- history -------------------------------------------------------------------------------

    @Test
    void wholeHistoryNewestFirst() {
        assertThat(migrate.history(null, false, false).lines()).satisfiesExactly(
                line -> assertThat(line).isEqualTo(D + " -> " + E + " (reports) (head), add reports"),
                line -> assertThat(line).isEqualTo(B + ", " + C + " -> " + D + " (mergepoint), merge orders and invoices"),
                line -> assertThat(line).isIn(A + " -> " + B + ", add orders", A + " -> " + C + ", add invoices"),
                line -> assertThat(line).isIn(A + " -> " + B + ", add orders", A + " -> " + C + ", add invoices"),
                line -> assertThat(line).isEqualTo("<base> -> " + A + " (branchpoint), create users"));
    }

    @Test
    void historyRanges() {
        assertThat(migrate.history(B + ":" + E, false, false).revisions()).containsExactly(E, D, B);
        assertThat(migrate.history(D + ":", false, false).revisions()).containsExactly(E, D);
        assertThat(migrate.history(":" + B, false, false).revisions()).containsExactly(B, A);
        assertThat(migrate.history("base:" + A, false, false).revisions()).containsExactly(A);
        assertThat(migrate.history("-1:", false, false).revisions()).containsExactly(E, D);
        assertThat(migrate.history(D + ":" + E, false, false).lines())
                .containsExactly(D + " -> " + E + " (reports) (head), add reports",
                        B + ", " + C + " -> " + D + " (mergepoint), merge orders and invoices");
    }

    @Test
    void historyRangeWithoutColonFailsClearly() {
        assertThatThrownBy(() -> migrate.history(B, false, false))
                .isInstanceOf(MigrateException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(":"));
    }

    @Test
    void historyFromAndToCurrent() {
        migrate.upgrade(B);
        assertThat(migrate.history("current:", false, false).revisions()).containsExactly(E, D, B);
        assertThat(migrate.history(":current", false, false).revisions()).containsExactly(B, A);
        assertThat(migrate.history(":current", false, false).currentHeads()).containsExactly(B);
    }

    @Test
    void indicateCurrentMarksTheDatabaseRevision() {
        migrate.upgrade(E);
        assertThat(migrate.history(null, false, true).lines().get(0))
                .isEqualTo(D + " -> " + E + " (reports) (head) (current), add reports");
        assertThat(migrate.history(null, false, true).lines()).filteredOn(line -> line.contains("(current)")).hasSize(1);
        assertThat(migrate.history(null, true, true).lines().get(0)).startsWith("Rev: " + E + " (head) (current)\n");
        assertThat(migrate.history(null, false, false).lines()).noneMatch(line -> line.contains("(current)"));
    }

    @Test
    void verboseHistoryBlocks() {
        var lines = migrate.history(null, true, false).lines();

        assertThat(lines.get(0)).isEqualTo(block("Rev: " + E + " (head)", "Parent: " + D, "Branch names: reports\n",
                E, "add reports", D));
        assertThat(lines.get(1)).isEqualTo(block("Rev: " + D + " (mergepoint)", "Merges: " + B + ", " + C,
                "", D, "merge orders and invoices", B + ", " + C));
        assertThat(lines.get(4)).isEqualTo(block("Rev: " + A + " (branchpoint)", "Parent: <base>",
                "Branches into: " + B + ", " + C + "\n", A, "create users", ""));
    }

    // ---- current, heads, branches, show ---------------------------------------------------------

    @Test
    void currentOnAFreshDatabaseIsEmptyAndCreatesNothing() throws Exception {
        assertThat(migrate.current(false).lines()).isEmpty();
        assertThat(migrate.current(true).lines()).isEmpty();
        migrate.upgrade("heads");
        assertThat(migrate.current(false).lines()).containsExactly(E + " (head)");
        assertThat(migrate.current(true).lines()).containsExactly(block("Rev: " + E + " (head)", "Parent: " + D,
                "Branch names: reports\n", E, "add reports", D));
    }

    @Test
    void currentWithTwoBranchesApplied() {
        migrate.upgrade(B);
        migrate.upgrade(C);
        assertThat(migrate.current(false).lines()).containsExactlyInAnyOrder(B, C);
    }

    @Test
    void headsPlainAndVerbose() {
        assertThat(migrate.heads(false).lines()).containsExactly(E + " (reports) (head)");
        assertThat(migrate.heads(true).lines()).containsExactly(block("Rev: " + E + " (head)", "Parent: " + D,
                "Branch names: reports\n", E, "add reports", D));
    }

    @Test
    void branchesPlainAndVerbose() {
        String indent = " ".repeat(A.length());
        assertThat(migrate.branches(false).lines()).containsExactly(A + " (branchpoint)\n"
                + indent + " -> " + B + "\n"
                + indent + " -> " + C + "\n");
        assertThat(migrate.branches(true).lines()).containsExactly(
                block("Rev: " + A + " (branchpoint)", "Parent: <base>", "Branches into: " + B + ", " + C + "\n",
                        A, "create users", "") + "\n"
                        + indent + " -> " + B + ", add orders\n"
                        + indent + " -> " + C + ", add invoices\n");
    }

    @Test
    void showRevisionHeadAndPrefix() {
        String e = block("Rev: " + E + " (head)", "Parent: " + D, "Branch names: reports\n", E, "add reports", D);
        assertThat(migrate.show(E).lines()).containsExactly(e);
        assertThat(migrate.show("head").lines()).containsExactly(e);
        assertThat(migrate.show("eeee").lines()).containsExactly(e);
        assertThat(migrate.show("reports@head").lines()).containsExactly(e);
        assertThat(migrate.show(B + "-1").revisions()).containsExactly(A);
        assertThatThrownBy(() -> migrate.show(A + "+1")).isInstanceOf(MigrateException.class)
                .hasMessageContaining(B).hasMessageContaining(C);
        assertThatThrownBy(() -> migrate.show("ffff")).isInstanceOf(MigrateException.class).hasMessageContaining("ffff");
    }

    @Test
    void showCurrent() {
        migrate.upgrade(D);
        assertThat(migrate.show("current").revisions()).containsExactly(D);
        assertThat(migrate.show("current").lines().get(0)).startsWith("Rev: " + D + " (mergepoint)\n");
    }
}
