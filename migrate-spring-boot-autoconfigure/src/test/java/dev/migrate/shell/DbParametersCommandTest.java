package dev.migrate.shell;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.script.JavaMigration;
import dev.migrate.script.MigrationContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code db upgrade -x key=value}: the pairs reach the scripts, online and offline, over the configured parameters. */
class DbParametersCommandTest {

    static final String A = "a1a1a1a1a1a1";

    @TempDir
    Path dir;

    private SQLiteDataSource dataSource;
    private DbCommandExecutor executor;
    private int lastStatus;

    @BeforeEach
    void setUp() throws IOException {
        Path scripts = dir.resolve("migrations");
        Files.createDirectories(scripts);
        Files.writeString(scripts.resolve(A + "_notes.sql"), """
                -- notes
                --
                -- Revision ID: %s
                -- Revises:
                -- Create Date: 2026-11-21 10:00:00.000000
                -- Branch Labels:
                -- Depends On:

                -- migrate:upgrade
                CREATE TABLE ${table} (id INTEGER PRIMARY KEY, owner TEXT DEFAULT '${owner}');

                -- migrate:downgrade
                DROP TABLE ${table};
                """.formatted(A));
        dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("app.db"));
        executor = new DbCommandExecutor(new Migrate(MigrateConfig.builder().dataSource(dataSource)
                .databaseUrl(dataSource.getUrl()).scriptDirectory(scripts).parameter("owner", "configured").build()));
    }

    private RecordingConsole run(String line) {
        RecordingConsole console = RecordingConsole.oneShot();
        lastStatus = executor.execute(ShellWords.split(line), console);
        return console;
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Test
    void xPairsReachTheScriptsOverTheConfiguredParameters() throws SQLException {
        RecordingConsole console = run("upgrade -x table=notes --x-arg owner=\"from the command line\"");

        assertThat(console.err).isEmpty();
        assertThat(lastStatus).isZero();
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("INSERT INTO notes (id) VALUES (1)");
        }
        assertThat(query("SELECT owner FROM notes")).containsExactly("from the command line");
    }

    @Test
    void offlineSqlSubstitutes() {
        RecordingConsole console = run("upgrade --sql -x table=notes");

        assertThat(lastStatus).isZero();
        assertThat(String.join("\n", console.out))
                .contains("CREATE TABLE notes (id INTEGER PRIMARY KEY, owner TEXT DEFAULT 'configured');");
    }

    @Test
    void aMissingValueIsOneLineNamingFileAndLine() {
        RecordingConsole console = run("upgrade");

        assertThat(lastStatus).isEqualTo(DbCommandExecutor.FAILED);
        assertThat(console.err).singleElement().asString()
                .contains(A + "_notes.sql:10").contains("${table}").contains("-x table=");
    }

    /** Writes the tag and a parameter it was given into the notes table. */
    static final class TagReader implements JavaMigration {
        public String revision() {
            return "b2b2b2b2b2b2";
        }

        public List<String> revises() {
            return List.of(A);
        }

        public String message() {
            return "read the tag";
        }

        public void upgrade(MigrationContext context) throws Exception {
            context.execute("INSERT INTO notes (id, owner) VALUES (7, '" + context.tag() + " "
                    + context.parameters().get("owner") + "')");
        }

        public void downgrade(MigrationContext context) {
        }
    }

    @Test
    void tagReachesJavaMigrations() throws SQLException {
        executor = new DbCommandExecutor(new Migrate(MigrateConfig.builder().dataSource(dataSource)
                .databaseUrl(dataSource.getUrl()).scriptDirectory(dir.resolve("migrations"))
                .javaMigration(new TagReader()).build()));

        run("upgrade --tag release-7 -x table=notes -x owner=ops");

        assertThat(lastStatus).isZero();
        assertThat(query("SELECT owner FROM notes WHERE id = 7")).containsExactly("release-7 ops");
    }

    @Test
    void stampRejectsTagSinceNothingWouldReadIt() {
        RecordingConsole console = run("stamp head --tag release-7");

        assertThat(lastStatus).isEqualTo(DbCommandExecutor.USAGE);
        assertThat(console.err).containsExactly("db stamp: unknown option '--tag'; see db stamp --help");
    }

    @Test
    void anXArgumentWithoutAnEqualsSignIsAUsageError() {
        RecordingConsole console = run("upgrade -x notes");

        assertThat(lastStatus).isEqualTo(DbCommandExecutor.USAGE);
        assertThat(console.err).containsExactly("db upgrade: -x 'notes' is not key=value; write e.g. -x schema=app");
    }
}
