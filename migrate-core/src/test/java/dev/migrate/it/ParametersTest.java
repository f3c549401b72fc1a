package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import dev.migrate.script.JavaMigration;
import dev.migrate.script.MigrationContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ${key}} in scripts ({@code -x key=value}, {@code migrate.parameters.*}), on both databases. */
class ParametersTest {

    static final String A = "aaaa00000001";
    static final String B = "bbbb00000002";

    @TempDir
    Path tmp;

    private static Migrate engine(TestDatabase db, Path scripts, Map<String, String> parameters) {
        MigrateConfig.Builder config = MigrateConfig.builder().dataSource(db.dataSource()).dialect(db.kind())
                .scriptDirectory(scripts);
        parameters.forEach(config::parameter);
        return new Migrate(config.build());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void placeholdersAreReplacedBeforeSplittingAndAnEscapedOneStaysLiteral(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write(A, "", "notes", """
                CREATE TABLE ${table} (id INTEGER, note VARCHAR(40));
                ${seed};
                INSERT INTO ${table} (id, note) VALUES (2, '$${not.a.parameter}');""", "DROP TABLE ${table};");

        engine(db, files.directory(), Map.of("table", "notes", "seed", "INSERT INTO notes (id, note) VALUES (1, 'a;b')"))
                .upgrade("head");

        assertThat(db.queryStrings("SELECT note FROM notes ORDER BY id")).containsExactly("a;b", "${not.a.parameter}");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUnknownKeyNamesFileAndLineAndRunsNothing(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write(A, "", "notes", """
                CREATE TABLE notes (id INTEGER);
                INSERT INTO notes (id) VALUES (${first_id});""", "DROP TABLE notes;");
        Migrate migrate = engine(db, files.directory(), Map.of("other", "1"));

        // 7 header lines, a blank and the marker: the INSERT is line 11.
        assertThatThrownBy(() -> migrate.upgrade("head")).isInstanceOf(MigrateException.class)
                .hasMessageContaining(A + "_notes.sql:11")
                .hasMessageContaining("${first_id}")
                .hasMessageContaining("-x first_id=")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(migrate.current(false).revisions()).isEmpty();
        assertThat(db.queryStrings(BranchesTest.tableCount(db, "notes"))).containsExactly("0");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSecretValueNeverReachesTheMessageNorTheLog(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write(A, "", "secret", "SELECT * FROM \"${app_password}\";", "");
        Migrate migrate = engine(db, files.directory(), Map.of("app_password", "Sup3rS3cretValue"));

        assertThatThrownBy(() -> migrate.upgrade("head")).isInstanceOf(MigrateException.class)
                .hasMessageContaining("***")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Sup3rS3cretValue"));
        assertThat(db.queryStrings("SELECT error FROM migrate_log")).hasSize(1)
                .allSatisfy(error -> assertThat(error).contains("***").doesNotContain("Sup3rS3cretValue"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theChecksumCoversTheTextAsWrittenSoAnotherValueIsNoDrift(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write(A, "", "notes", "CREATE TABLE notes (id INTEGER, owner VARCHAR(40) DEFAULT '${owner}');",
                "DROP TABLE notes;");
        engine(db, files.directory(), Map.of("owner", "staging")).upgrade("head");
        files.write(B, A, "more", "INSERT INTO notes (id) VALUES (1);", "DELETE FROM notes;");

        Migrate production = engine(db, files.directory(), Map.of("owner", "production"));
        production.upgrade("head");

        assertThat(production.current(false).revisions()).containsExactly(B);
        assertThat(db.queryStrings("SELECT owner FROM notes")).containsExactly("staging");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void offlineSqlSubstitutesToo(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write(A, "", "notes", "CREATE TABLE ${table} (id INTEGER);", "DROP TABLE ${table};");
        Migrate migrate = engine(db, files.directory(), Map.of("table", "notes"));

        assertThat(migrate.upgradeSql("base:head")).contains("CREATE TABLE notes (id INTEGER);").doesNotContain("${");
        assertThat(migrate.downgradeSql("head:base")).contains("DROP TABLE notes;");
    }

    /** Records what its context says, in a table: the parameters and Alembic's --tag. */
    static final class RecordArguments implements JavaMigration {
        public String revision() {
            return B;
        }

        public List<String> revises() {
            return List.of(A);
        }

        public String message() {
            return "record arguments";
        }

        public void upgrade(MigrationContext context) throws Exception {
            try (var insert = context.connection().prepareStatement("INSERT INTO seen (what) VALUES (?)")) {
                insert.setString(1, context.parameters().get("region") + " " + context.tag());
                insert.executeUpdate();
            }
        }

        public void downgrade(MigrationContext context) {
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void javaMigrationsSeeTheParametersAndTheTag(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write(A, "", "seen", "CREATE TABLE seen (what VARCHAR(40));", "DROP TABLE seen;");
        Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).dialect(db.kind())
                .scriptDirectory(files.directory()).parameter("region", "eu").javaMigration(new RecordArguments()).build());

        migrate.withArguments(Map.of(), "release-42").upgrade("head");

        assertThat(db.queryStrings("SELECT what FROM seen")).containsExactly("eu release-42");
    }
}
