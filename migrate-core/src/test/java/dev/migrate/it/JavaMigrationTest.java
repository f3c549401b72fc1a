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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Java data migration between two SQL scripts, on both databases. */
class JavaMigrationTest {

    static final String A = "aaaa00000001";
    static final String J = "bbbb00000002";
    static final String C = "cccc00000003";

    @TempDir
    Path tmp;

    /** Fills the table the first script made; the second script relies on the rows being there. */
    static final class SeedUsers implements JavaMigration {
        public String revision() {
            return J;
        }

        public List<String> revises() {
            return List.of(A);
        }

        public String message() {
            return "seed users";
        }

        public void upgrade(MigrationContext context) throws Exception {
            context.execute("INSERT INTO users (id, name) VALUES (1, 'ada')");
            try (var insert = context.connection().prepareStatement("INSERT INTO users (id, name) VALUES (?, ?)")) {
                insert.setInt(1, 2);
                insert.setString(2, context.dialectName());
                insert.executeUpdate();
            }
        }

        public void downgrade(MigrationContext context) throws Exception {
            context.execute("DELETE FROM users WHERE id IN (1, 2)");
        }
    }

    /** Does part of its work, then fails. */
    static final class BrokenSeed implements JavaMigration {
        public String revision() {
            return J;
        }

        public List<String> revises() {
            return List.of(A);
        }

        public String message() {
            return "broken seed";
        }

        public void upgrade(MigrationContext context) throws Exception {
            context.execute("INSERT INTO users (id, name) VALUES (1, 'ada')");
            throw new IllegalStateException("no more users today");
        }

        public void downgrade(MigrationContext context) {
        }
    }

    private ScriptFiles scripts() {
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write(A, "", "create users", "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50));", "DROP TABLE users;");
        files.write(C, J, "user emails", """
                ALTER TABLE users ADD COLUMN email VARCHAR(100);
                UPDATE users SET email = name || '@example.org';""", "ALTER TABLE users DROP COLUMN email;");
        return files;
    }

    private static Migrate over(TestDatabase db, Path scripts, JavaMigration migration) {
        return new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).scriptDirectory(scripts)
                .javaMigration(migration).build());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void javaMigrationUpgradesAndDowngrades(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Migrate migrate = over(db, scripts().directory(), new SeedUsers());

        var run = migrate.upgrade("head");

        assertThat(run.steps()).extracting(step -> step.describe()).containsExactly(
                "Running upgrade  -> " + A + ", create users",
                "Running upgrade " + A + " -> " + J + ", seed users",
                "Running upgrade " + J + " -> " + C + ", user emails");
        assertThat(db.queryStrings("SELECT email FROM users ORDER BY id"))
                .containsExactly("ada@example.org", db.kind() + "@example.org");
        assertThat(migrate.history(null, false, false).lines()).contains(A + " -> " + J + ", seed users");
        assertThat(db.queryStrings("SELECT revision || ' ' || direction FROM migrate_log WHERE direction <> 'digest' ORDER BY id"))
                .containsExactly(A + " upgrade", J + " upgrade", C + " upgrade");

        migrate.downgrade(A);
        assertThat(migrate.current(false).revisions()).containsExactly(A);
        assertThat(db.queryStrings("SELECT COUNT(*) FROM users")).containsExactly("0");

        migrate.upgrade(J);
        assertThat(db.queryStrings("SELECT COUNT(*) FROM users")).containsExactly("2");
        migrate.downgrade("base");
        assertThat(migrate.current(false).revisions()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failingJavaMigrationRollsBackAndNamesItsClass(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Migrate migrate = over(db, scripts().directory(), new BrokenSeed());

        assertThatThrownBy(() -> migrate.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
                        .contains(BrokenSeed.class.getName()).contains(J).contains("no more users today"));

        assertThat(migrate.current(false).revisions()).containsExactly(A);
        assertThat(db.queryStrings("SELECT COUNT(*) FROM users")).containsExactly("0");
    }
}
