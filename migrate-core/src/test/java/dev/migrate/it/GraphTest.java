package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.graph.GraphDiagram;
import dev.migrate.graph.GraphPicture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db history --graph} and {@code db graph} over real script files and a real database: a branch labelled
 * {@code feature} off the base, merged back, and a second root ({@code audit}) that depends on the base.
 */
class GraphTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theHistoryAsAPictureMarksWhereTheDatabaseIs(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = scripts();
        Migrate migrate = Engines.over(db, files.directory());
        migrate.upgrade("bbbb00000002");
        migrate.upgrade("cccc00000003");

        assertThat(String.join("\n", migrate.historyGraph(GraphPicture.Style.ASCII))).isEqualTo("""
                * dddd00000004 (feature) (head) (mergepoint), merge feature
                |\\
                @ | bbbb00000002 (current), add orders
                | @ cccc00000003 (feature) (current), add invoices
                | | * eeee00000005 (audit) (head), audit log
                | | :
                |.|/
                |/
                * aaaa00000001 (branchpoint), create users""");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theGraphAsMermaidLeavesTheDatabaseAlone(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Migrate migrate = Engines.over(db, scripts().directory());

        assertThat(migrate.graph(GraphDiagram.Format.MERMAID)).isEqualTo("""
                flowchart BT
                    r_aaaa00000001["aaaa00000001<br/>create users"]
                    r_bbbb00000002["bbbb00000002<br/>add orders"]
                    r_cccc00000003["cccc00000003 (feature)<br/>add invoices"]
                    r_dddd00000004["dddd00000004 (feature) (head)<br/>merge feature"]
                    r_eeee00000005["eeee00000005 (audit) (head)<br/>audit log"]
                    r_aaaa00000001 --> r_bbbb00000002
                    r_aaaa00000001 --> r_cccc00000003
                    r_bbbb00000002 --> r_dddd00000004
                    r_cccc00000003 --> r_dddd00000004
                    r_aaaa00000001 -.-> r_eeee00000005""");
        assertThat(migrate.current(false).revisions()).isEmpty();
    }

    private ScriptFiles scripts() throws Exception {
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("aaaa00000001", "", "create users", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");
        files.write("bbbb00000002", "aaaa00000001", "add orders", "CREATE TABLE orders (id INTEGER PRIMARY KEY);",
                "DROP TABLE orders;");
        files.writeRaw("cccc00000003_add_invoices.sql", header("add invoices", "cccc00000003", "aaaa00000001", "feature", "")
                + "CREATE TABLE invoices (id INTEGER PRIMARY KEY);\n\n-- migrate:downgrade\nDROP TABLE invoices;\n");
        files.write("dddd00000004", "bbbb00000002, cccc00000003", "merge feature", "", "");
        files.writeRaw("eeee00000005_audit_log.sql", header("audit log", "eeee00000005", "", "audit", "aaaa00000001")
                + "CREATE TABLE audit (id INTEGER PRIMARY KEY);\n\n-- migrate:downgrade\nDROP TABLE audit;\n");
        return files;
    }

    private static String header(String message, String id, String revises, String labels, String dependsOn) {
        return "-- " + message + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises
                + "\n-- Create Date: 2026-11-21 10:00:00.000000\n-- Branch Labels: " + labels + "\n-- Depends On: "
                + dependsOn + "\n\n-- migrate:upgrade\n";
    }
}
