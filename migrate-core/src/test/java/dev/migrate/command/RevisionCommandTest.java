package dev.migrate.command;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code db init}, {@code db revision} and {@code db merge} through the facade, as a user runs them one after another. */
class RevisionCommandTest {

    @TempDir
    Path tmp;

    private Path scripts;
    private Migrate migrate;

    @BeforeEach
    void setUp() {
        scripts = tmp.resolve("migrations");
        migrate = over(scripts);
    }

    private Migrate over(Path directory) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + tmp.resolve("app.db"));
        return new Migrate(MigrateConfig.builder().dataSource(dataSource).scriptDirectory(directory).build());
    }

    private List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private RevisionResult revision(String message, String revId) {
        return migrate.revision(RevisionRequest.withMessage(message).withRevId(revId));
    }

    private static void assertOneLine(Throwable e, String... fragments) {
        assertThat(e).isInstanceOf(MigrateException.class);
        assertThat(e.getMessage()).doesNotContain("\n");
        for (String fragment : fragments) {
            assertThat(e.getMessage()).containsIgnoringCase(fragment);
        }
    }

    // ---- init ----------------------------------------------------------------------------------

    @Test
    void initCreatesTheDirectoryWithItsTemplate() throws IOException {
        InitResult result = migrate.init();

        assertThat(result.directory()).isEqualTo(scripts);
        assertThat(filesIn(scripts)).containsExactly("script.sql.tmpl");
        assertThat(result.created()).containsExactly(scripts.resolve("script.sql.tmpl"));
        assertThat(Files.readString(scripts.resolve("script.sql.tmpl"))).contains("${revision}").contains("-- migrate:upgrade");
    }

    @Test
    void secondInitFailsWithOneLineAndChangesNothing() throws IOException {
        migrate.init();
        Path edited = scripts.resolve("script.sql.tmpl");
        Files.writeString(edited, Files.readString(edited) + "-- my own line\n");
        RevisionResult first = revision("first", "aaaa00000001");
        String before = Files.readString(edited);

        assertThatThrownBy(migrate::init).satisfies(e -> assertOneLine(e, scripts.toString(), "not empty"));

        assertThat(Files.readString(edited)).isEqualTo(before);
        assertThat(filesIn(scripts)).containsExactly(first.path().getFileName().toString(), "script.sql.tmpl");
    }

    @Test
    void revisionBeforeInitSaysToRunInit() {
        assertThatThrownBy(() -> revision("first", null)).satisfies(e -> assertOneLine(e, "db init"));
        assertThat(scripts).doesNotExist();
    }

    // ---- revision ------------------------------------------------------------------------------

    @Test
    void revisionsChainFromBaseAndTheLoaderReadsTheirHeadersBack() throws IOException {
        migrate.init();
        RevisionResult first = revision("create users", null);
        RevisionResult second = revision("add email", null);

        assertThat(first.revision()).matches("[0-9a-f]{12}");
        assertThat(first.revises()).isEmpty();
        assertThat(first.path()).isEqualTo(scripts.resolve(first.revision() + "_create_users.sql"));
        assertThat(second.revises()).containsExactly(first.revision());
        assertThat(second.revision()).isNotEqualTo(first.revision());
        assertThat(first.describe()).isEqualTo("Generating " + first.path() + " ...  done");

        RevisionListing history = migrate.history(null, false, false);
        assertThat(history.lines()).containsExactly(
                first.revision() + " -> " + second.revision() + " (head), add email",
                "<base> -> " + first.revision() + ", create users");
        assertThat(history.entries().get(0).location()).isEqualTo(second.path().toString());
        assertThat(Files.readString(second.path())).contains("-- Revises: " + first.revision() + "\n");
    }

    @Test
    void headThatIsNotAHeadNeedsSplice() throws IOException {
        migrate.init();
        revision("one", "aaaa00000001");
        revision("two", "aaaa00000002");
        List<String> before = filesIn(scripts);

        assertThatThrownBy(() -> migrate.revision(RevisionRequest.withMessage("side").withHead("aaaa00000001")))
                .satisfies(e -> assertOneLine(e, "aaaa00000001", "not a head", "--splice"));
        assertThat(filesIn(scripts)).isEqualTo(before);

        RevisionResult side = migrate.revision(RevisionRequest.withMessage("side").withHead("aaaa00000001")
                .withSplice().withRevId("bbbb00000003"));
        assertThat(side.revises()).containsExactly("aaaa00000001");
        assertThat(migrate.heads(false).lines()).containsExactlyInAnyOrder("aaaa00000002 (head)", "bbbb00000003 (head)");
        assertThat(migrate.branches(false).lines()).containsExactly(
                "aaaa00000001 (branchpoint)\n"
                        + "             -> aaaa00000002 (head)\n"
                        + "             -> bbbb00000003 (head)\n");
    }

    @Test
    void headBaseMakesASecondBaseAndBranchLabelIsShown() {
        migrate.init();
        revision("one", "aaaa00000001");
        RevisionResult other = migrate.revision(RevisionRequest.withMessage("other tree").withHead("base")
                .withBranchLabel("other").withRevId("cccc00000001"));

        assertThat(other.revises()).isEmpty();
        assertThat(migrate.heads(false).lines()).containsExactlyInAnyOrder("aaaa00000001 (head)", "cccc00000001 (other) (head)");
        RevisionResult next = migrate.revision(RevisionRequest.withMessage("more").withHead("other@head").withRevId("cccc00000002"));
        assertThat(next.revises()).containsExactly("cccc00000001");
        assertThat(migrate.history(null, false, false).lines()).contains(
                "cccc00000001 -> cccc00000002 (other) (head), more",
                "<base> -> cccc00000001 (other), other tree");
    }

    @Test
    void dependsOnRelativeIsResolvedToIds() throws IOException {
        migrate.init();
        revision("one", "aaaa00000001");
        revision("two", "aaaa00000002");
        migrate.revision(RevisionRequest.withMessage("other").withHead("base").withRevId("cccc00000001"));
        RevisionResult dependent = migrate.revision(RevisionRequest.withMessage("needs two").withHead("cccc00000001")
                .withDependsOn(List.of("aaaa00000001+1")).withRevId("cccc00000002"));

        // a relative expression, resolved to the full id before it is written
        assertThat(Files.readString(dependent.path())).contains("-- Depends On: aaaa00000002\n")
                .doesNotContain("aaaa00000001+1");
    }

    @Test
    void dependsOnIsResolvedToIdsPlainPrefix() throws IOException {
        migrate.init();
        revision("one", "aaaa00000001");
        migrate.revision(RevisionRequest.withMessage("other").withHead("base").withRevId("cccc00000001"));
        RevisionResult dependent = migrate.revision(RevisionRequest.withMessage("needs one").withHead("cccc00000001")
                .withDependsOn(List.of("aaaa")).withRevId("cccc00000002"));

        assertThat(Files.readString(dependent.path())).contains("-- Depends On: aaaa00000001\n");
        assertThat(migrate.history(null, false, false).lines())
                .contains("cccc00000001 (aaaa00000001) -> cccc00000002 (head), needs one");
        assertThat(migrate.show("cccc00000002").lines().get(0)).contains("Also depends on: aaaa00000001\n");
    }

    @Test
    void reusedRevIdFailsWritesNothingAndLaterCommandsStillWork() throws IOException {
        migrate.init();
        revision("one", "aaaa00000001");
        revision("two", "aaaa00000002");
        List<String> before = filesIn(scripts);

        assertThatThrownBy(() -> revision("again", "aaaa00000001"))
                .satisfies(e -> assertOneLine(e, "aaaa00000001", "already"));
        assertThatThrownBy(() -> migrate.merge(List.of("aaaa00000001", "aaaa00000002"), "m", null, "aaaa00000002"))
                .isInstanceOf(MigrateException.class);

        assertThat(filesIn(scripts)).isEqualTo(before);
        assertThat(migrate.heads(false).lines()).containsExactly("aaaa00000002 (head)");
        assertThat(migrate.history(null, false, false).revisions()).containsExactly("aaaa00000002", "aaaa00000001");
        migrate.upgrade("head");
        assertThat(migrate.current(false).lines()).containsExactly("aaaa00000002 (head)");
        RevisionResult three = revision("three", "aaaa00000003");
        assertThat(three.revises()).containsExactly("aaaa00000002");
    }

    @ParameterizedTest
    @ValueSource(strings = {"head", "heads", "base", "current", "a-b", "a:b", "a@b", "a+1", "has space",
            "x123456789012345678901234567890123"})
    void invalidRevIdFailsClearlyAndWritesNothing(String id) throws IOException {
        migrate.init();
        revision("one", "aaaa00000001");
        List<String> before = filesIn(scripts);

        assertThatThrownBy(() -> revision("bad", id)).satisfies(e -> assertOneLine(e, id));

        assertThat(filesIn(scripts)).isEqualTo(before);
        assertThat(migrate.heads(false).revisions()).containsExactly("aaaa00000001");
    }

    @Test
    void messageWithSpacesAndPunctuationGivesACleanSlug() throws IOException {
        migrate.init();
        RevisionResult result = revision("  Add user's e-mail (unique!), & index...  ", "aaaa00000001");

        assertThat(result.path().getFileName().toString()).isEqualTo("aaaa00000001_add_user_s_e_mail_unique_index.sql");
        assertThat(migrate.history(null, false, false).lines())
                .containsExactly("<base> -> aaaa00000001 (head), Add user's e-mail (unique!), & index...");
    }

    @Test
    void noMessageIsEmptyMessage() throws IOException {
        migrate.init();
        RevisionResult result = migrate.revision(new RevisionRequest(null, null, false, null, null, "254255afef79"));

        assertThat(result.message()).isEqualTo("empty message");
        assertThat(result.path().getFileName().toString()).isEqualTo("254255afef79_.sql");
        assertThat(migrate.history(null, false, false).lines()).containsExactly("<base> -> 254255afef79 (head), empty message");
    }

    // ---- merge ---------------------------------------------------------------------------------

    private void threeHeads() {
        migrate.init();
        revision("root", "aaaa00000001");
        revision("b", "bbbb00000002");
        migrate.revision(RevisionRequest.withMessage("c").withHead("aaaa00000001").withSplice().withRevId("cccc00000003"));
    }

    @Test
    void mergeWithoutArgumentsMergesTwoHeads() {
        threeHeads();
        RevisionResult merge = migrate.merge(List.of(), "merge b and c", null, "dddd00000004");

        assertThat(merge.revises()).containsExactlyInAnyOrder("bbbb00000002", "cccc00000003");
        assertThat(migrate.heads(false).lines()).containsExactly("dddd00000004 (head)");
        assertThat(migrate.history(null, false, false).lines().get(0))
                .isEqualTo("bbbb00000002, cccc00000003 -> dddd00000004 (head) (mergepoint), merge b and c");
    }

    @Test
    void mergeWithoutArgumentsMergesThreeHeads() {
        threeHeads();
        migrate.revision(RevisionRequest.withMessage("e").withHead("base").withRevId("eeee00000005"));
        RevisionResult merge = migrate.merge(null, "all", null, "ffff00000006");

        assertThat(merge.revises()).containsExactlyInAnyOrder("bbbb00000002", "cccc00000003", "eeee00000005");
        assertThat(migrate.heads(false).revisions()).containsExactly("ffff00000006");
    }

    @Test
    void mergeOfNamedRevisions() {
        threeHeads();
        migrate.revision(RevisionRequest.withMessage("e").withHead("base").withRevId("eeee00000005"));
        RevisionResult merge = migrate.merge(List.of("bbbb", "eeee00000005"), "two of three", null, "ffff00000006");

        assertThat(merge.revises()).containsExactly("bbbb00000002", "eeee00000005");
        assertThat(migrate.heads(false).revisions()).containsExactlyInAnyOrder("cccc00000003", "ffff00000006");
        assertThat(migrate.show("ffff00000006").lines().get(0)).startsWith(
                "Rev: ffff00000006 (head) (mergepoint)\nMerges: bbbb00000002, eeee00000005\n");
    }

    @Test
    void mergeWithOneHeadFailsAndWritesNothing() throws IOException {
        migrate.init();
        revision("root", "aaaa00000001");
        List<String> before = filesIn(scripts);

        assertThatThrownBy(() -> migrate.merge(List.of(), "nothing", null, null))
                .satisfies(e -> assertOneLine(e, "nothing to merge", "aaaa00000001"));
        assertThat(filesIn(scripts)).isEqualTo(before);
        assertThat(migrate.heads(false).revisions()).containsExactly("aaaa00000001");
        assertThat(migrate.history(null, false, false).revisions()).containsExactly("aaaa00000001");
    }

    @Test
    void mergeInAnEmptyDirectoryFailsAndWritesNothing() throws IOException {
        migrate.init();
        assertThatThrownBy(() -> migrate.merge(List.of(), "nothing", null, null))
                .satisfies(e -> assertOneLine(e, "nothing to merge"));
        assertThat(filesIn(scripts)).containsExactly("script.sql.tmpl");
    }

    @Test
    void branchLabelAlreadyUsedFailsAndWritesNothing() throws IOException {
        migrate.init();
        migrate.revision(RevisionRequest.withMessage("core").withBranchLabel("core").withRevId("aaaa00000001"));
        List<String> before = filesIn(scripts);

        assertThatThrownBy(() -> migrate.revision(RevisionRequest.withMessage("other").withHead("base")
                .withBranchLabel("core").withRevId("cccc00000001")))
                .satisfies(e -> assertOneLine(e, "core", "aaaa00000001"));
        assertThatThrownBy(() -> migrate.revision(RevisionRequest.withMessage("bad").withBranchLabel("a-b")))
                .satisfies(e -> assertOneLine(e, "a-b"));

        assertThat(filesIn(scripts)).isEqualTo(before);
        assertThat(migrate.heads(false).lines()).containsExactly("aaaa00000001 (core) (head)");
    }

    /** Alembic accepts a merge of a revision with its own ancestor; what it writes must leave a usable graph. */
    @Test
    void mergeOfARevisionWithItsOwnAncestorLeavesAUsableGraph() {
        migrate.init();
        revision("one", "aaaa00000001");
        revision("two", "aaaa00000002");

        migrate.merge(List.of("aaaa00000001", "aaaa00000002"), "odd", null, "dddd00000001");

        assertThat(migrate.heads(false).revisions()).containsExactly("dddd00000001");
        assertThat(migrate.upgrade("head").steps()).extracting(step -> step.step().revision().id())
                .containsExactly("aaaa00000001", "aaaa00000002", "dddd00000001");
        assertThat(migrate.current(false).lines()).containsExactly("dddd00000001 (head) (mergepoint)");
    }

    @Test
    void mergeWithBranchLabel() {
        threeHeads();
        migrate.merge(List.of(), "joined", "joined", "dddd00000004");
        assertThat(migrate.heads(false).lines()).containsExactly("dddd00000004 (joined) (head)");
        RevisionResult next = migrate.revision(RevisionRequest.withMessage("after").withHead("joined@head").withRevId("eeee00000005"));
        assertThat(next.revises()).containsExactly("dddd00000004");
    }
}
