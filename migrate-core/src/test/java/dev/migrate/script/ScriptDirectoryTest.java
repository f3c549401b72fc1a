package dev.migrate.script;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptDirectoryTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 21, 10, 31, 7, 123_456_000);

    @TempDir
    Path tmp;

    private final ScriptDirectory directory = new ScriptDirectory();

    @Test
    void initWritesTheEditableTemplate() throws IOException {
        Path dir = tmp.resolve("db/migrations");
        Path template = directory.init(dir);

        assertThat(template).isEqualTo(dir.resolve("script.sql.tmpl"));
        assertThat(Files.readString(template)).isEqualTo(ScriptTemplate.DEFAULT_TEXT);
    }

    @Test
    void initAcceptsAnEmptyDirectoryAndRefusesOneWithFiles() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        directory.init(empty);

        assertThatThrownBy(() -> directory.init(empty))
                .isInstanceOf(ScriptException.class)
                .hasMessage(empty + ": directory already exists and is not empty; choose another script directory,"
                        + " or remove this one first");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> directory.init(file)).hasMessageContaining("exists and is not a directory");
    }

    @Test
    void writesARevisionThatReadsBackToTheSameRevision() throws IOException {
        Path dir = tmp.resolve("migrations");
        directory.init(dir);
        Path base = directory.writeRevision(dir, NewRevision.of("9a0e4c7b1f22", "initial", List.of(), NOW), Set.of());
        NewRevision spec = NewRevision.of("2f1c3a9b7d10", "add fts", List.of("9a0e4c7b1f22"), NOW)
                .withBranchLabels(List.of("search"))
                .withDependsOn(List.of("9a0e4c7b1f22"))
                .withSql("CREATE VIRTUAL TABLE article_search USING fts5(title, content);", "DROP TABLE article_search;");

        Path file = directory.writeRevision(dir, spec, Set.of("9a0e4c7b1f22"));

        assertThat(base.getFileName()).hasToString("9a0e4c7b1f22_initial.sql");
        assertThat(file.getFileName()).hasToString("2f1c3a9b7d10_add_fts.sql");
        assertThat(Files.readString(file)).isEqualTo("""
                -- add fts
                --
                -- Revision ID: 2f1c3a9b7d10
                -- Revises: 9a0e4c7b1f22
                -- Create Date: 2026-11-21 10:31:07.123456
                -- Branch Labels: search
                -- Depends On: 9a0e4c7b1f22

                -- migrate:upgrade
                CREATE VIRTUAL TABLE article_search USING fts5(title, content);

                -- migrate:downgrade
                DROP TABLE article_search;
                """);

        ScriptSet set = new ScriptLoader().load(List.of(new DirectoryScriptSource(dir)), List.of());
        SqlMigrationScript script = (SqlMigrationScript) set.get("2f1c3a9b7d10");
        assertThat(script.revision().downRevisions()).containsExactly("9a0e4c7b1f22");
        assertThat(script.revision().branchLabels()).containsExactly("search");
        assertThat(script.revision().dependsOn()).containsExactly("9a0e4c7b1f22");
        assertThat(script.message()).isEqualTo("add fts");
        assertThat(script.createDate()).isEqualTo("2026-11-21 10:31:07.123456");
        assertThat(script.upgradeStatements()).extracting(Statement::line).containsExactly(10);
        assertThat(script.downgradeStatements()).containsExactly(new Statement("DROP TABLE article_search", 13));
        assertThat(set.get("9a0e4c7b1f22").revision().isBase()).isTrue();
    }

    @Test
    void anEmptyRevisionHasNoStatementsAndAnEmptyDowngrade() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("m"));
        Path file = directory.writeRevision(dir, NewRevision.of("abc123", null, List.of(), NOW), Set.of());

        assertThat(file.getFileName()).hasToString("abc123_.sql");
        SqlMigrationScript script = SqlMigrationScript.readHeader(new DirectoryScriptSource(dir).list().get(0));
        assertThat(script.message()).isEqualTo("empty message");
        assertThat(script.upgradeStatements()).isEmpty();
        assertThat(script.hasDowngrade()).isTrue();
        assertThat(script.downgradeStatements()).isEmpty();
    }

    @Test
    void usesTheDirectorysOwnTemplate() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("m"));
        Files.writeString(dir.resolve(ScriptDirectory.TEMPLATE_FILE), """
                -- ${message}
                -- Revision ID: ${revision}
                -- Revises: ${down_revision}
                -- Reviewed-by: nobody yet
                -- migrate:upgrade
                ${upgrades}
                -- migrate:downgrade
                ${downgrades}
                DO $$ BEGIN RAISE NOTICE 'templated'; END $$;
                """);

        Path file = directory.writeRevision(dir, NewRevision.of("abc123", "x", List.of(), NOW), Set.of());

        assertThat(Files.readString(file)).contains("-- Reviewed-by: nobody yet").contains("DO $$ BEGIN");
    }

    @Test
    void aTemplateWithAnUnknownVariableOrABrokenHeaderIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("m"));
        Path template = dir.resolve(ScriptDirectory.TEMPLATE_FILE);
        Files.writeString(template, "-- ${message}\n-- Revision ID: ${revision}\n-- Author: ${author}\n-- migrate:upgrade\n");
        assertThatThrownBy(() -> directory.writeRevision(dir, NewRevision.of("abc123", "x", List.of(), NOW), Set.of()))
                .hasMessageStartingWith(template + ":3: unknown template variable ${author}; the variables are [branch_labels,");

        Files.writeString(template, "-- ${message}\n-- Revision ID: ${revision}\n-- migrate:upgrade\n");
        assertThatThrownBy(() -> directory.writeRevision(dir, NewRevision.of("abc123", "x", List.of("p1"), NOW), Set.of("p1")))
                .hasMessageContaining("the rendered header reads back as revision abc123 revising [], not abc123 revising [p1]");
        assertThat(dir).isDirectoryNotContaining("glob:**.sql");
    }

    @Test
    void refusesReusedIdsExistingFilesAndUnknownParents() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("m"));
        NewRevision spec = NewRevision.of("abc123", "same", List.of(), NOW);
        directory.writeRevision(dir, spec, Set.of());

        assertThatThrownBy(() -> directory.writeRevision(dir, spec, Set.of("abc123")))
                .hasMessage("revision id abc123 already exists; choose another --rev-id (nothing was written)");
        assertThatThrownBy(() -> directory.writeRevision(dir, spec, Set.of()))
                .hasMessage(dir.resolve("abc123_same.sql") + ": already exists; nothing was written."
                        + " Choose another revision id or message");
        assertThatThrownBy(() -> directory.writeRevision(dir, NewRevision.of("def456", "x", List.of("nope"), NOW), Set.of()))
                .hasMessage("cannot revise nope: no such revision (nothing was written)");
        assertThatThrownBy(() -> directory.writeRevision(dir, NewRevision.of("head", "x", List.of(), NOW), Set.of()))
                .hasMessageContaining("reserved word");
        assertThatThrownBy(() -> directory.writeRevision(tmp.resolve("missing"), NewRevision.of("def456", "x", List.of(), NOW), Set.of()))
                .hasMessageContaining("run \"db init\"");
    }

    @Test
    void slugsFollowAlembic() {
        assertThat(Slug.of("Add FTS related triggers!")).isEqualTo("add_fts_related_triggers");
        assertThat(Slug.of("  --café & crème--  ")).isEqualTo("cafe_creme");
        assertThat(Slug.of("adding article categories and a much longer tail")).isEqualTo("adding_article_categories_and_a_much");
        assertThat(Slug.of("x".repeat(50))).hasSize(40);
        assertThat(Slug.of("!!!")).isEmpty();
        assertThat(Slug.of(null)).isEmpty();
        assertThat(ScriptDirectory.fileName(NewRevision.of("abc", "line one\nline two", List.of(), NOW)))
                .isEqualTo("abc_line_one_line_two.sql");
    }

    @Test
    void multiLineMessagesStayOnTheHeaderLine() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("m"));
        directory.writeRevision(dir, NewRevision.of("abc123", "first\n  second", List.of(), NOW), Set.of());
        ScriptSet set = new ScriptLoader().load(List.of(new DirectoryScriptSource(dir)), List.of());
        assertThat(set.get("abc123").message()).isEqualTo("first second");
    }

    @Test
    void generatedIdsAreTwelveHexDigitsAndValid() {
        RevisionIds ids = new RevisionIds(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ids.generate();
            assertThat(id).matches("[0-9a-f]{12}");
            assertThat(RevisionIds.problem(id)).isEmpty();
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void userChosenIdsAreChecked() {
        for (String good : List.of("abc", "ae1027a6acf", "my_rev_1", "A1")) {
            assertThat(RevisionIds.problem(good)).as(good).isEmpty();
        }
        for (String bad : List.of("", "head", "HEADS", "base", "current", "a@b", "a:b", "a+1", "head-1", "a b", "a.b",
                "a,b", "x".repeat(33))) {
            assertThat(RevisionIds.problem(bad)).as(bad).isPresent();
        }
        assertThatThrownBy(() -> RevisionIds.requireValid("a-b")).isInstanceOf(ScriptException.class);
    }

    @Test
    void renderingLeavesDollarQuotesAlone() {
        ScriptTemplate template = new ScriptTemplate("${message} $$ $tag$ ${ x } $1", "t");
        assertThat(template.render(Map.of("message", "m"))).isEqualTo("m $$ $tag$ ${ x } $1");
    }
}
