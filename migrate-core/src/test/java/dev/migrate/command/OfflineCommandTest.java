package dev.migrate.command;

import dev.migrate.script.JavaMigration;
import dev.migrate.script.MigrationContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code upgrade --sql} / {@code downgrade --sql}: what needs saying instead of rendering. */
class OfflineCommandTest {

    @TempDir
    Path tmp;

    private Path scripts;
    private SQLiteDataSource dataSource;

    @BeforeEach
    void setUp() throws IOException {
        scripts = tmp.resolve("migrations");
        Files.createDirectories(scripts);
        Files.writeString(scripts.resolve("aaaa00000001_one.sql"), """
                -- one
                -- Revision ID: aaaa00000001
                -- Revises:
                -- migrate:upgrade
                CREATE TABLE one (id INTEGER);
                -- migrate:downgrade
                DROP TABLE one;
                """);
        dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + tmp.resolve("app.db"));
    }

    /** A data migration on top of aaaa00000001. */
    static final class Seed implements JavaMigration {
        public String revision() {
            return "bbbb00000002";
        }

        public List<String> revises() {
            return List.of("aaaa00000001");
        }

        public String message() {
            return "seed";
        }

        public void upgrade(MigrationContext context) throws Exception {
            context.execute("INSERT INTO one VALUES (1)");
        }

        public void downgrade(MigrationContext context) throws Exception {
            context.execute("DELETE FROM one");
        }
    }

    @Test
    void downgradeSqlWithoutARangeFailsClearly() {
        Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(dataSource).databaseUrl(dataSource.getUrl())
                .scriptDirectory(scripts).build());
        for (String range : new String[] {null, "", "base"}) {
            assertThatThrownBy(() -> migrate.downgradeSql(range))
                    .isInstanceOf(MigrateException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("<fromrev>:<torev>"));
        }
        assertThat(migrate.downgradeSql("aaaa00000001:base")).contains("DROP TABLE one;")
                .contains("DELETE FROM alembic_version WHERE version_num = 'aaaa00000001'");
    }

    @Test
    void javaMigrationInAnOfflinePlanFailsClearly() {
        Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(dataSource).databaseUrl(dataSource.getUrl())
                .scriptDirectory(scripts).javaMigration(new Seed()).build());

        assertThatThrownBy(() -> migrate.upgradeSql("base:head"))
                .isInstanceOf(MigrateException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
                        .contains("bbbb00000002").contains(Seed.class.getName()));
        assertThatThrownBy(() -> migrate.downgradeSql("head:base"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(Seed.class.getName());
        // the part before the Java migration still renders
        assertThat(migrate.upgradeSql("aaaa00000001")).contains("CREATE TABLE one (id INTEGER);");
    }
}
