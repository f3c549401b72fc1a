package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import dev.migrate.command.RevisionResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two branches from one base: one head is ambiguous, heads applies both, merge joins them, downgrade walks back. */
class BranchesTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void branchesMergeAndWalkBack(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("aaaa00000001", "", "create users", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");
        files.write("bbbb00000002", "aaaa00000001", "add orders", "CREATE TABLE orders (id INTEGER PRIMARY KEY);",
                "DROP TABLE orders;");
        files.write("cccc00000003", "aaaa00000001", "add invoices", "CREATE TABLE invoices (id INTEGER PRIMARY KEY);",
                "DROP TABLE invoices;");
        Migrate migrate = Engines.over(db, files.directory());

        assertThatThrownBy(() -> migrate.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("bbbb00000002").hasMessageContaining("cccc00000003")
                .hasMessageContaining("heads").hasMessageContaining("merge")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(migrate.current(false).revisions()).isEmpty();
        assertThat(db.queryStrings(tableCount(db, "users"))).containsExactly("0");

        migrate.upgrade("heads");
        assertThat(migrate.current(false).revisions()).containsExactlyInAnyOrder("bbbb00000002", "cccc00000003");

        RevisionResult merge = migrate.merge(List.of(), "merge orders and invoices", null, "dddd00000004");
        assertThat(merge.revises()).containsExactlyInAnyOrder("bbbb00000002", "cccc00000003");
        assertThat(Files.readString(merge.path())).contains("Revises: bbbb00000002, cccc00000003");
        assertThat(migrate.heads(false).lines()).containsExactly("dddd00000004 (head)");

        var run = migrate.upgrade("head");
        assertThat(run.steps()).singleElement().satisfies(step -> assertThat(step.describe())
                .isEqualTo("Running upgrade bbbb00000002, cccc00000003 -> dddd00000004, merge orders and invoices"));
        assertThat(migrate.current(false).revisions()).containsExactly("dddd00000004");

        migrate.downgrade("-1");
        assertThat(migrate.current(false).revisions()).containsExactlyInAnyOrder("bbbb00000002", "cccc00000003");

        migrate.downgrade("aaaa00000001");
        assertThat(migrate.current(false).revisions()).containsExactly("aaaa00000001");
        assertThat(db.queryStrings(tableCount(db, "orders"))).containsExactly("0");

        migrate.downgrade("base");
        assertThat(migrate.current(false).revisions()).isEmpty();
        assertThat(db.queryStrings(tableCount(db, "users"))).containsExactly("0");
    }

    /** Issue 10, point 1: feature@-1 and feature@base undo the feature branch only, or fail in one line. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void branchRelativeDowngradeKeepsToItsBranch(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("aaaa00000001", "", "create users", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");
        files.write("bbbb00000002", "aaaa00000001", "add orders", "CREATE TABLE orders (id INTEGER PRIMARY KEY);",
                "DROP TABLE orders;");
        files.writeRaw("cccc00000003_add_invoices.sql", "-- add invoices\n--\n-- Revision ID: cccc00000003\n"
                + "-- Revises: aaaa00000001\n-- Create Date: 2026-11-21 10:00:00.000000\n-- Branch Labels: feature\n"
                + "-- Depends On:\n\n-- migrate:upgrade\nCREATE TABLE invoices (id INTEGER PRIMARY KEY);\n\n"
                + "-- migrate:downgrade\nDROP TABLE invoices;\n");
        Migrate migrate = Engines.over(db, files.directory());

        migrate.upgrade("heads");
        migrate.downgrade("feature@-1");
        assertThat(migrate.current(false).revisions()).containsExactly("bbbb00000002");
        assertThat(db.queryStrings(tableCount(db, "orders"))).containsExactly("1");
        assertThat(db.queryStrings(tableCount(db, "invoices"))).containsExactly("0");

        for (String target : List.of("feature@-1", "feature@base")) {
            assertThatThrownBy(() -> migrate.downgrade(target))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageStartingWith("Branch 'feature' has nothing applied to the database (current: bbbb00000002)")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThat(migrate.current(false).revisions()).containsExactly("bbbb00000002");
        assertThat(db.queryStrings(tableCount(db, "users"))).containsExactly("1");

        migrate.upgrade("feature@head");
        assertThatThrownBy(() -> migrate.downgrade("feature@-2"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("didn't produce 2 migrations on branch 'feature'");
        migrate.downgrade("feature@base");
        assertThat(migrate.current(false).revisions()).containsExactly("bbbb00000002");
        assertThat(db.queryStrings(tableCount(db, "invoices"))).containsExactly("0");
    }

    static String tableCount(TestDatabase db, String table) {
        return db.kind().equals("sqlite")
                ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'"
                : "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '" + table + "'";
    }
}
