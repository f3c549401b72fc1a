package dev.migrate.it;

import dev.migrate.command.Migrate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code upgrade --sql base:head}, fed to the database's own client, gives the schema the online run gives. */
class OfflineSqlTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void offlineSqlThroughTheCliMatchesTheOnlineRun(Kind kind) throws Exception {
        TestDatabase online = kind.create(tmp.resolve("online"));
        TestDatabase offline = kind.create(tmp.resolve("offline"));
        java.nio.file.Files.createDirectories(tmp.resolve("online"));
        java.nio.file.Files.createDirectories(tmp.resolve("offline"));
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        BlogScripts.write(files, online.kind());

        Engines.over(online, files.directory()).upgrade("head");
        Migrate offlineEngine = Engines.over(offline, files.directory());
        String sql = offlineEngine.upgradeSql("base:head");

        assertThat(sql).contains("-- Running upgrade  -> " + BlogScripts.INITIAL)
                .contains("BEGIN;").contains("COMMIT;")
                .contains("INSERT INTO alembic_version (version_num) VALUES ('" + BlogScripts.INITIAL + "')")
                .contains("UPDATE alembic_version SET version_num = '" + BlogScripts.FTS + "' WHERE version_num = '"
                        + BlogScripts.INITIAL + "'");
        assertThat(offline.queryStrings(BranchesTest.tableCount(offline, "article"))).containsExactly("0");

        assertThat(offline.runScriptWithCli(sql)).isEmpty();

        assertThat(offline.schema()).isEqualTo(online.schema());
        assertThat(offlineEngine.current(false).revisions()).containsExactly(BlogScripts.CATEGORIES);

        String down = offlineEngine.downgradeSql("head:base");
        assertThat(offline.runScriptWithCli(down)).isEmpty();
        assertThat(offlineEngine.current(false).revisions()).isEmpty();
        assertThat(offline.queryStrings(BranchesTest.tableCount(offline, "article"))).containsExactly("0");
    }
}
