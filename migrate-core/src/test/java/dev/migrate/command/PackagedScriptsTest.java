package dev.migrate.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Migrate#withPackagedScripts()}: what a running application reads (its locations), against what the db
 * commands read (the working tree's script directory when it exists).
 */
class PackagedScriptsTest {

    @TempDir
    Path dir;

    private Migrate migrate(Path scriptDirectory, String... locations) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("app.db"));
        MigrateConfig.Builder config = MigrateConfig.builder().dataSource(dataSource).scriptDirectory(scriptDirectory);
        for (String location : locations) {
            config.location(location);
        }
        return new Migrate(config.build());
    }

    @Test
    void anExistingWorkingTreeIsReadByTheCommandsButNotByThePackagedEngine() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Migrate commands = migrate(tree, "classpath:db/packaged");

        assertThat(commands.scriptOrigin()).isEqualTo(new ScriptOrigin.WorkingTree(tree));
        Migrate running = commands.withPackagedScripts();
        assertThat(running.scriptOrigin()).isEqualTo(new ScriptOrigin.Locations(java.util.List.of("classpath:db/packaged")));
        assertThat(running.config().scriptDirectory()).isNull();
        assertThat(running.config().locations()).isEqualTo(commands.config().locations());
    }

    @Test
    void withoutAWorkingTreeBothReadTheLocationsAndNothingIsCopied() {
        Migrate commands = migrate(dir.resolve("no-tree"), "classpath:db/packaged");

        assertThat(commands.scriptOrigin()).isInstanceOf(ScriptOrigin.Locations.class);
        assertThat(commands.withPackagedScripts()).isSameAs(commands);
    }

    @Test
    void withoutLocationsTheScriptDirectoryIsTheOnlySourceForBoth() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Migrate commands = migrate(tree);

        assertThat(commands.withPackagedScripts()).isSameAs(commands);
        assertThat(commands.scriptOrigin()).isEqualTo(new ScriptOrigin.WorkingTree(tree));
    }
}
