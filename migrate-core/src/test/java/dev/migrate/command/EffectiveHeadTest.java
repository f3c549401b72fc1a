package dev.migrate.command;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code depends_on} target with no children is an {@code (effective head)} in Alembic's one-line
 * texts and a plain {@code (head)} in its verbose block. The expected texts are what Alembic 1.8.1
 * (python3-alembic) printed for the same graph (revision files with the same ids, labels, depends_on
 * and messages): {@code alembic history}, {@code heads}, {@code show c0000000000c}, {@code branches}, and {@code current}
 * after {@code upgrade heads}.
 *
 * <pre>
 * a0000000000a - b0000000000b (depends on c0000000000c)
 *              \ c0000000000c (label "lib")
 * </pre>
 */
class EffectiveHeadTest {

    static final String A = "a0000000000a";
    static final String B = "b0000000000b";
    static final String C = "c0000000000c";

    @TempDir
    Path tmp;

    private Path scripts;
    private Migrate migrate;

    @BeforeEach
    void setUp() throws IOException {
        scripts = tmp.resolve("migrations");
        Files.createDirectories(scripts);
        write(A, "", "", "", "m a");
        write(C, A, "lib", "", "m c");
        write(B, A, "", C, "m b");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + tmp.resolve("app.db"));
        migrate = new Migrate(MigrateConfig.builder().dataSource(dataSource).scriptDirectory(scripts).build());
    }

    private void write(String id, String revises, String labels, String dependsOn, String message) throws IOException {
        Files.writeString(scripts.resolve(id + "_" + message.replace(' ', '_') + ".sql"), "-- " + message
                + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises
                + "\n-- Create Date: 2026-11-21 10:00:00.000000\n-- Branch Labels: " + labels + "\n-- Depends On: "
                + dependsOn + "\n\n-- migrate:upgrade\n\n-- migrate:downgrade\n");
    }

    @Test
    void historyMarksTheDependencyTargetAsAnEffectiveHead() {
        assertThat(migrate.history(null, false, false).lines()).containsExactlyInAnyOrder(
                A + " (" + C + ") -> " + B + " (head), m b",
                A + " -> " + C + " (lib) (effective head), m c",
                "<base> -> " + A + " (branchpoint), m a");
    }

    @Test
    void headsListsItAsAnEffectiveHeadAndTheVerboseBlockAsAHead() {
        assertThat(migrate.heads(false).lines()).containsExactlyInAnyOrder(C + " (lib) (effective head)", B + " (head)");
        assertThat(migrate.show(C).lines()).singleElement()
                .satisfies(block -> assertThat(block).startsWith("Rev: " + C + " (head)\nParent: " + A
                        + "\nBranch names: lib\nPath: "));
    }

    @Test
    void branchesShowsItAsAnEffectiveHead() {
        String indent = " ".repeat(A.length());
        assertThat(migrate.branches(false).lines()).containsExactly(A + " (branchpoint)\n"
                + indent + " -> " + B + " (head)\n"
                + indent + " -> " + C + " (lib) (effective head)\n");
    }

    @Test
    void currentListsTheDependencyFoldedIntoItsDependentsRow() {
        migrate.upgrade("heads");

        assertThat(migrate.current(false).lines()).containsExactlyInAnyOrder(B + " (head)", C + " (effective head)");
    }
}
