package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code {vendor}} in the locations: shared and per-database scripts in one graph, one id space. */
class VendorLocationsTest {

    static final String SHARED = "aaaa00000001";
    static final String SEARCH = "bbbb00000002";
    static final String LATER = "cccc00000003";

    @TempDir
    Path tmp;

    /** A shared first revision, then a per-database one, then a shared one on top of it. */
    private Path layout() {
        Path root = tmp.resolve("migrations");
        ScriptFiles shared = new ScriptFiles(root.resolve("shared"));
        shared.write(SHARED, "", "articles", "CREATE TABLE article (id INTEGER, title VARCHAR(80));", "DROP TABLE article;");
        shared.write(LATER, SEARCH, "tags", "CREATE TABLE tag (id INTEGER);", "DROP TABLE tag;");
        new ScriptFiles(root.resolve("sqlite")).write(SEARCH, SHARED, "search",
                "CREATE TABLE search_sqlite (id INTEGER);", "DROP TABLE search_sqlite;");
        new ScriptFiles(root.resolve("postgresql")).write(SEARCH, SHARED, "search",
                "CREATE TABLE search_postgresql (id INTEGER);", "DROP TABLE search_postgresql;");
        return root;
    }

    private static MigrateConfig.Builder locations(Path root) {
        return MigrateConfig.builder().location("filesystem:" + root.resolve("shared"))
                .location("filesystem:" + root + "/{vendor}");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theDatabaseBeingMigratedPicksItsScripts(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        // Neither migrate.dialect nor a URL: the engine asks the database which it is.
        Migrate migrate = new Migrate(locations(layout()).dataSource(db.dataSource()).build());

        migrate.upgrade("head");

        assertThat(migrate.current(false).revisions()).containsExactly(LATER);
        assertThat(db.queryStrings(BranchesTest.tableCount(db, "search_" + db.kind()))).containsExactly("1");
        assertThat(db.queryStrings(BranchesTest.tableCount(db, "tag"))).containsExactly("1");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void offlineSqlTakesTheVendorFromTheUrlWithoutConnecting(Kind kind) {
        String url = kind == Kind.SQLITE ? "jdbc:sqlite:" + tmp.resolve("never-opened.db")
                : "jdbc:postgresql://127.0.0.1:1/nothing-listens-here";
        // No DataSource at all: there is nothing to connect with.
        Migrate migrate = new Migrate(locations(layout()).databaseUrl(url).build());

        String sql = migrate.upgradeSql("base:head");

        String vendor = kind == Kind.SQLITE ? "sqlite" : "postgresql";
        String other = kind == Kind.SQLITE ? "postgresql" : "sqlite";
        assertThat(sql).contains("CREATE TABLE search_" + vendor).doesNotContain("search_" + other)
                .contains("CREATE TABLE tag");
        assertThat(tmp.resolve("never-opened.db")).doesNotExist();
    }

    @Test
    void offlineSqlWithoutADialectOrUrlSaysWhatToSet() {
        Migrate migrate = new Migrate(locations(layout()).build());

        assertThatThrownBy(() -> migrate.upgradeSql("base:head")).isInstanceOf(MigrateException.class)
                .hasMessageContaining("set migrate.dialect");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoScriptsClaimingOneIdAreOneClearError(Kind kind) {
        TestDatabase db = kind.create(tmp);
        Path root = layout();
        new ScriptFiles(root.resolve(db.kind())).write(LATER, SEARCH, "tags again", "SELECT 1;", "");
        Migrate migrate = new Migrate(locations(root).dataSource(db.dataSource()).dialect(db.kind()).build());

        assertThatThrownBy(() -> migrate.upgrade("head")).isInstanceOf(MigrateException.class)
                .hasMessageContaining("revision id " + LATER + " is already used by")
                .hasMessageContaining("shared")
                .hasMessageContaining(db.kind())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
