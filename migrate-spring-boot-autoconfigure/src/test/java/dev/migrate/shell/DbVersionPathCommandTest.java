package dev.migrate.shell;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code db revision} on a {@code {vendor}} layout, and {@code --version-path} into another configured directory. */
class DbVersionPathCommandTest {

    @TempDir
    Path dir;

    private Path root;
    private DbCommandExecutor executor;
    private int lastStatus;

    @BeforeEach
    void setUp() throws IOException {
        root = dir.resolve("migrations");
        Files.createDirectories(root.resolve("sqlite"));
        Files.createDirectories(root.resolve("shared"));
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("app.db"));
        executor = new DbCommandExecutor(new Migrate(MigrateConfig.builder().dataSource(dataSource)
                .databaseUrl(dataSource.getUrl()).scriptDirectory(Path.of(root + "/{vendor}"))
                .versionPath(root.resolve("shared")).build()));
    }

    private RecordingConsole run(String line) {
        RecordingConsole console = RecordingConsole.oneShot();
        lastStatus = executor.execute(ShellWords.split(line), console);
        return console;
    }

    private static long count(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    @Test
    void revisionsGoToTheVendorFolderOrTheNamedVersionPath() throws IOException {
        run("revision -m shared --rev-id aaaa00000001 --version-path " + root.resolve("shared"));
        assertThat(lastStatus).isZero();
        RecordingConsole own = run("revision -m own --rev-id bbbb00000002");
        assertThat(lastStatus).isZero();

        assertThat(root.resolve("shared").resolve("aaaa00000001_shared.sql")).exists();
        assertThat(root.resolve("sqlite").resolve("bbbb00000002_own.sql")).exists();
        assertThat(own.out).singleElement().asString().contains(root.resolve("sqlite").toString());
        assertThat(run("upgrade").out).hasSize(2);
        assertThat(run("current").out).containsExactly("bbbb00000002 (head)");
    }

    @Test
    void anUnconfiguredVersionPathIsOneLine() throws IOException {
        RecordingConsole console = run("revision -m lost --version-path " + dir);

        assertThat(lastStatus).isEqualTo(DbCommandExecutor.FAILED);
        assertThat(console.err).singleElement().asString().contains("is not a configured script directory");
        assertThat(count(root.resolve("sqlite")) + count(root.resolve("shared"))).isZero();
    }
}
