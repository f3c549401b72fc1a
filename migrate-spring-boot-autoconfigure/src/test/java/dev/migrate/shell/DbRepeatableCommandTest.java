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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code db upgrade} and {@code db status} with a repeatable script: its progress line, its row and its state. */
class DbRepeatableCommandTest {

    static final String A = "a1a1a1a1a1a1";

    @TempDir
    Path dir;

    private Path view;
    private DbCommandExecutor executor;

    @BeforeEach
    void setUp() throws IOException {
        Path scripts = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(scripts.resolve(A + "_notes.sql"), """
                -- notes
                --
                -- Revision ID: %s
                -- Revises:
                -- Create Date: 2026-11-21 10:00:00.000000
                -- Branch Labels:
                -- Depends On:

                -- migrate:upgrade
                CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);

                -- migrate:downgrade
                DROP TABLE notes;
                """.formatted(A));
        view = Files.writeString(scripts.resolve("R__note_bodies.sql"),
                "-- the bodies of the notes\nDROP VIEW IF EXISTS note_bodies;\nCREATE VIEW note_bodies AS SELECT body FROM notes;\n");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("app.db"));
        executor = new DbCommandExecutor(new Migrate(MigrateConfig.builder().dataSource(dataSource)
                .scriptDirectory(scripts).build()));
    }

    private List<String> run(String... words) {
        RecordingConsole console = RecordingConsole.oneShot();
        assertThat(executor.execute(List.of(words), console)).isZero();
        assertThat(console.err).isEmpty();
        return console.out;
    }

    @Test
    void upgradeSaysWhatRanAndStatusListsTheStates() throws IOException {
        assertThat(run("status")).anySatisfy(line -> assertThat(line).startsWith("note_bodies").contains("pending")
                .endsWith("the bodies of the notes"));

        assertThat(run("upgrade")).containsExactly("Running upgrade  -> " + A + ", notes",
                "Running repeatable note_bodies, the bodies of the notes");
        assertThat(run("status")).anySatisfy(line -> assertThat(line).startsWith("REPEATABLE").contains("STATE"))
                .anySatisfy(line -> assertThat(line).startsWith("note_bodies").contains("applied").contains(" ms "));
        assertThat(run("upgrade")).singleElement().asString().startsWith("Nothing to upgrade");

        Files.writeString(view, Files.readString(view).replace("SELECT body", "SELECT id, body"));
        assertThat(run("status")).anySatisfy(line -> assertThat(line).startsWith("note_bodies").contains("changed"));
        assertThat(run("upgrade")).containsExactly("Running repeatable note_bodies, the bodies of the notes");
        assertThat(run("history")).noneSatisfy(line -> assertThat(line).contains("note_bodies"));
    }
}
