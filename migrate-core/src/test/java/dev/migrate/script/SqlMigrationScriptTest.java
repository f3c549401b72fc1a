package dev.migrate.script;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlMigrationScriptTest {

    private static final String DESIGN_EXAMPLE = """
            -- add fts
            --
            -- Revision ID: 2f1c3a9b7d10
            -- Revises: 9a0e4c7b1f22
            -- Create Date: 2026-11-21 10:31:07.123456
            -- Branch Labels:
            -- Depends On:

            -- migrate:upgrade
            CREATE VIRTUAL TABLE article_search USING fts5(title, content, content=article, content_rowid=article_id);

            -- migrate:downgrade
            DROP TABLE article_search;
            """;

    @Test
    void readsTheHeaderAndSplitsBothSections() {
        SqlMigrationScript script = Scripts.read("2f1c3a9b7d10_add_fts.sql", DESIGN_EXAMPLE);

        assertThat(script.id()).isEqualTo("2f1c3a9b7d10");
        assertThat(script.message()).isEqualTo("add fts");
        assertThat(script.createDate()).isEqualTo("2026-11-21 10:31:07.123456");
        assertThat(script.revision().downRevisions()).containsExactly("9a0e4c7b1f22");
        assertThat(script.revision().branchLabels()).isEmpty();
        assertThat(script.revision().dependsOn()).isEmpty();
        assertThat(script.transactional()).isTrue();
        assertThat(script.location()).isEqualTo("db/migrations/2f1c3a9b7d10_add_fts.sql");
        assertThat(script.upgradeStatements()).containsExactly(new Statement(
                "CREATE VIRTUAL TABLE article_search USING fts5(title, content, content=article, content_rowid=article_id)", 10));
        assertThat(script.downgradeStatements()).containsExactly(new Statement("DROP TABLE article_search", 13));
        assertThat(script.hasDowngrade()).isTrue();
        assertThat(script.checksum()).startsWith("v1:").hasSize(3 + 64);
    }

    @Test
    void mergesLabelsDependenciesAndNoTransaction() {
        SqlMigrationScript script = Scripts.read("m.sql", """
                -- merge heads
                --
                -- Revision ID: c0ffee000001
                -- Revises: aaaa00000001, bbbb00000002
                -- Create Date: 2026-11-21 10:31:07.123456
                -- Branch Labels: search, fts
                -- Depends On: dddd00000003,networking
                -- migrate:no-transaction

                -- migrate:upgrade
                CREATE INDEX CONCURRENTLY i ON t (x);
                """);

        assertThat(script.revision().downRevisions()).containsExactly("aaaa00000001", "bbbb00000002");
        assertThat(script.revision().isMergePoint()).isTrue();
        assertThat(script.revision().branchLabels()).containsExactlyInAnyOrder("search", "fts");
        assertThat(script.revision().dependsOn()).containsExactly("dddd00000003", "networking");
        assertThat(script.transactional()).isFalse();
    }

    @Test
    void aBaseWithoutMessageOrDowngrade() {
        SqlMigrationScript script = Scripts.read("a.sql", """
                -- Revision ID: a1
                -- Revises:
                -- migrate:upgrade
                CREATE TABLE t (x INT);
                """);

        assertThat(script.revision().isBase()).isTrue();
        assertThat(script.message()).isEqualTo("empty message");
        assertThat(script.createDate()).isNull();
        assertThat(script.hasDowngrade()).isFalse();
        assertThat(script.downgradeStatements()).isEmpty();
    }

    @Test
    void anEmptyDowngradeSectionMeansNothingToUndo() {
        SqlMigrationScript script = Scripts.read("a.sql", Scripts.script("a1", "", "SELECT 1;") + "-- migrate:downgrade\n-- nothing\n");
        assertThat(script.hasDowngrade()).isTrue();
        assertThat(script.downgradeStatements()).isEmpty();
    }

    @Test
    void theHeaderIsReadWithoutTheBodyAndTheBodyOnlyOnce() {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger bytesRead = new AtomicInteger();
        String text = Scripts.script("a1", "", "SELECT 1;\n".repeat(10_000));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ScriptResource resource = new ScriptResource("a1_x.sql", "a1_x.sql", () -> {
            opened.incrementAndGet();
            return new CountingStream(bytes, bytesRead);
        });

        SqlMigrationScript script = SqlMigrationScript.readHeader(resource);
        assertThat(bytesRead.get()).isLessThan(16 * 1024);

        assertThat(script.upgradeStatements()).hasSize(10_000);
        assertThat(script.checksum()).isNotNull();
        script.downgradeStatements();
        assertThat(opened.get()).isEqualTo(2);
    }

    @Test
    void bodyErrorsNameTheFileLine() {
        SqlMigrationScript script = Scripts.read("a1_x.sql", Scripts.script("a1", "", "SELECT 1;\nSELECT 'oops;"));
        assertThatThrownBy(script::upgradeStatements)
                .hasMessage("db/migrations/a1_x.sql:9: unterminated string literal ' (opened here); close it with '");
    }

    @Test
    void aSecondSectionMarkerIsAnError() {
        SqlMigrationScript script = Scripts.read("a1_x.sql", Scripts.script("a1", "", "SELECT 1;\n-- migrate:upgrade\n"));
        assertThatThrownBy(script::upgradeStatements)
                .hasMessageStartingWith("db/migrations/a1_x.sql:9: a second -- migrate:upgrade line");
    }

    @Test
    void headerErrors() {
        assertThat(headerError("")).isEqualTo("db/migrations/x.sql:1: empty file; a script needs a header with"
                + " \"-- Revision ID: <id>\" and a -- migrate:upgrade section (\"db revision\" writes one)");
        assertThat(headerError("\n  \n")).startsWith("db/migrations/x.sql:1: empty file");
        assertThat(headerError("-- hello\n-- Revises:\n-- migrate:upgrade\nSELECT 1;"))
                .isEqualTo("db/migrations/x.sql:1: no Revision ID in the header; add \"-- Revision ID: <id>\" above -- migrate:upgrade");
        assertThat(headerError("-- hello\n-- Revision ID: a1\nSELECT 1;"))
                .startsWith("db/migrations/x.sql:3: SQL above -- migrate:upgrade would never run");
        assertThat(headerError("-- hello\n-- Revision ID: a1\n-- no sections here\n"))
                .isEqualTo("db/migrations/x.sql:3: no -- migrate:upgrade line; add it between the header and the upgrade SQL");
        assertThat(headerError("-- Revision ID: a1\n-- migrate:downgrade\n-- migrate:upgrade\n"))
                .startsWith("db/migrations/x.sql:2: -- migrate:downgrade before -- migrate:upgrade");
        assertThat(headerError("-- Revision ID: a1\n-- Revision ID: a2\n-- migrate:upgrade\n"))
                .startsWith("db/migrations/x.sql:2: \"Revision ID:\" appears twice in the header (first on line 1)");
        assertThat(headerError("-- Revision ID: head\n-- migrate:upgrade\n"))
                .startsWith("db/migrations/x.sql:1: \"head\" is a reserved word");
        assertThat(headerError("-- Revision ID: a-1\n-- migrate:upgrade\n"))
                .startsWith("db/migrations/x.sql:1: revision id \"a-1\" may hold only letters, digits and underscores");
    }

    @Test
    void aFileThatIsNotUtf8NamesTheLineAndByte() {
        byte[] latin1 = "-- caf\u00e9\n-- Revision ID: a1\n-- migrate:upgrade\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> SqlMigrationScript.readHeader(Scripts.resource("x.sql", latin1)))
                .isInstanceOf(ScriptException.class)
                .hasMessage("db/migrations/x.sql:1: not valid UTF-8 (byte 0xE9 at byte 7 of the line, byte 7 of the file);"
                        + " save the file as UTF-8");

        byte[] lateBadByte = (Scripts.script("a1", "", "SELECT 'x';") + "SELECT '\u00ff';\n").getBytes(StandardCharsets.ISO_8859_1);
        SqlMigrationScript script = SqlMigrationScript.readHeader(Scripts.resource("x.sql", lateBadByte));
        assertThatThrownBy(script::upgradeStatements).hasMessageStartingWith("db/migrations/x.sql:9: not valid UTF-8 (byte 0xFF");
    }

    @Test
    void bomAndCrLfAreRead() {
        String text = "\uFEFF" + DESIGN_EXAMPLE.replace("\n", "\r\n");
        SqlMigrationScript script = Scripts.read("x.sql", text);
        assertThat(script.message()).isEqualTo("add fts");
        assertThat(script.downgradeStatements()).containsExactly(new Statement("DROP TABLE article_search", 13));
    }

    @Test
    void theChecksumIgnoresLineEndingsBomTrailingSpacesAndTrailingBlankLines() {
        String checksum = Scripts.read("x.sql", DESIGN_EXAMPLE).checksum();
        for (String variant : List.of(
                DESIGN_EXAMPLE.replace("\n", "\r\n"),
                DESIGN_EXAMPLE.replace("\n", "\r"),
                "\uFEFF" + DESIGN_EXAMPLE,
                DESIGN_EXAMPLE.replace("\n", "   \t\n"),
                DESIGN_EXAMPLE + "\n\n  \n",
                DESIGN_EXAMPLE.stripTrailing())) {
            assertThat(Scripts.read("x.sql", variant).checksum()).isEqualTo(checksum);
            assertThat(Checksum.of(variant)).isEqualTo(checksum);
        }
        assertThat(Checksum.of(DESIGN_EXAMPLE.replace("DROP TABLE", "DROP  TABLE"))).isNotEqualTo(checksum);
        assertThat(Checksum.of(DESIGN_EXAMPLE.replace("\n\n-- migrate:downgrade", "\n-- migrate:downgrade"))).isNotEqualTo(checksum);
    }

    @Test
    void theChecksumIsTheSameWhetherTheBodyWasReadOrNotAndStaysThatOfVersionOne() {
        // Pinned: applied databases keep these values, so a change here would report every script as edited.
        assertThat(Scripts.read("x.sql", DESIGN_EXAMPLE).checksum())
                .isEqualTo("v1:8fdf7d734e567f86d1ad838d4a716d2fa259253b4dc8dcc134044578a9feacfe");
        String text = "\n\n-- café\n--\n-- Revision ID: 0123456789ab\n-- Revises:\n\n\n-- migrate:upgrade\n"
                + "INSERT INTO t VALUES ('é');  \n\n\n-- migrate:downgrade\n\n";
        String expected = "v1:f9e4408e7dac05600d9c9b85d0676785d2d9fb49dfc48e2e994c4cdb43fa3ac3";
        SqlMigrationScript checksumOnly = Scripts.read("0123456789ab_x.sql", text);
        SqlMigrationScript bodyRead = Scripts.read("0123456789ab_x.sql", text);
        assertThat(bodyRead.upgradeStatements()).hasSize(1);

        assertThat(checksumOnly.checksum()).isEqualTo(expected);
        assertThat(bodyRead.checksum()).isEqualTo(expected);
        assertThat(Checksum.of(text)).isEqualTo(expected);
    }

    private static String headerError(String text) {
        try {
            Scripts.read("x.sql", text);
        } catch (ScriptException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for: " + text);
    }

    /** Counts the bytes a reader takes, to show that a header is read without its body. */
    private static final class CountingStream extends ByteArrayInputStream {
        private final AtomicInteger count;

        CountingStream(byte[] bytes, AtomicInteger count) {
            super(bytes);
            this.count = count;
        }

        @Override
        public synchronized int read() {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
