package dev.migrate.shell;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.command.Migrate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.migrate.autoconfigure.SqliteFiles.tables;
import static dev.migrate.autoconfigure.SqliteFiles.url;
import static dev.migrate.autoconfigure.SqliteFiles.versions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's tutorial: db revision writes into the working tree's script directory and db upgrade runs it at once,
 * while the startup upgrade of the same application reads the packaged locations only.
 */
class DbCommandsReadTheWorkingTreeTest {

    @TempDir
    Path dir;

    @Test
    void dbRevisionThenDbUpgradeRunsTheNewScriptOfTheWorkingTree() throws Exception {
        Path packaged = Files.createDirectories(dir.resolve("packaged"));
        Path workingTree = dir.resolve("checkout/migrations");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url(dir.resolve("app.db")),
                        "migrate.locations=filesystem:" + packaged, "migrate.script-directory=" + workingTree)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    // the executor MigrateShellAutoConfiguration gives the db commands, on the application's engine
                    DbCommandExecutor db = new DbCommandExecutor(context.getBean(Migrate.class));
                    assertThat(db.execute(ShellWords.split("init"), RecordingConsole.oneShot())).isZero();
                    assertThat(db.execute(ShellWords.split("revision -m \"add note\" --rev-id 0000cccc0003"),
                            RecordingConsole.oneShot())).isZero();
                    Path script;
                    try (Stream<Path> files = Files.list(workingTree)) {
                        script = files.filter(file -> file.getFileName().toString().startsWith("0000cccc0003"))
                                .findFirst().orElseThrow();
                    }
                    Files.writeString(script, Files.readString(script)
                            .replace("-- migrate:upgrade\n", "-- migrate:upgrade\nCREATE TABLE note (id INTEGER);\n"));

                    RecordingConsole upgrade = RecordingConsole.oneShot();
                    assertThat(db.execute(ShellWords.split("upgrade"), upgrade)).as("%s", upgrade.err).isZero();
                    assertThat(upgrade.out).anySatisfy(line -> assertThat(line).contains("0000cccc0003"));
                });
        assertThat(tables(dir.resolve("app.db"))).contains("note");
        assertThat(versions(dir.resolve("app.db"))).containsExactly("0000cccc0003");
    }
}
