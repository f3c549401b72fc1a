package dev.migrate.shell;

import dev.migrate.autoconfigure.SqliteFiles;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.testsupport.PostgresServer;
import dev.migrate.testsupport.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Flask-Migrate user types from memory, answered as Flask-Migrate and Alembic answer it (each expected
 * text was checked against Flask-Migrate 4.0.4 / Alembic 1.8.1), and the messages that say what to do next.
 */
@PostgresTest
class FlaskMigrateParityTest {

    static final String A = "a1a1a1a1a1a1";
    static final String B = "b2b2b2b2b2b2";

    @TempDir
    Path dir;

    private Path scripts;
    private Path file;

    @BeforeEach
    void setUp() throws IOException {
        scripts = Files.createDirectories(dir.resolve("migrations"));
        file = dir.resolve("app.db");
        script(A, "", "create person", "CREATE TABLE person (id INTEGER PRIMARY KEY);", "DROP TABLE person;");
        script(B, A, "create pet", "CREATE TABLE pet (id INTEGER PRIMARY KEY);", "DROP TABLE pet;");
    }

    private void script(String id, String revises, String message, String upgrade, String downgrade) throws IOException {
        Files.writeString(scripts.resolve(id + "_" + message.replace(' ', '_') + ".sql"), """
                -- %s
                --
                -- Revision ID: %s
                -- Revises: %s
                -- Create Date: 2026-11-21 10:00:00.000000

                -- migrate:upgrade
                %s

                -- migrate:downgrade
                %s
                """.formatted(message, id, revises, upgrade, downgrade));
    }

    /** The engine as the starter builds it over an SQLite file: its URL is known without connecting. */
    private DbCommandExecutor sqlite(MigrateConfig.Builder settings) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(SqliteFiles.url(file));
        return new DbCommandExecutor(new Migrate(settings.dataSource(dataSource).databaseUrl(SqliteFiles.url(file))
                .scriptDirectory(scripts).build()));
    }

    private DbCommandExecutor sqlite() {
        return sqlite(MigrateConfig.builder());
    }

    /** The engine over a fresh database on the suite's PostgreSQL server, its URL known as the starter knows it. */
    private static DbCommandExecutor postgres(PostgresServer server, String database, Path scripts,
                                              MigrateConfig.Builder settings) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(server.jdbcUrl(database));
        dataSource.setUser(server.user());
        return new DbCommandExecutor(new Migrate(settings.dataSource(dataSource).databaseUrl(server.jdbcUrl(database))
                .databaseUser(server.user()).scriptDirectory(scripts).build()));
    }

    /** The same commands on SQLite and on PostgreSQL. */
    private DbCommandExecutor engine(String kind, MigrateConfig.Builder settings) {
        return kind.equals("sqlite") ? sqlite(settings)
                : postgres(PostgresServer.shared(), postgresDatabase(), scripts, settings);
    }

    private String postgresDatabase;

    private String postgresDatabase() {
        if (postgresDatabase == null) {
            postgresDatabase = PostgresServer.shared().createDatabase();
        }
        return postgresDatabase;
    }

    private static RecordingConsole run(DbCommandExecutor executor, String line, int expectedStatus) {
        RecordingConsole console = RecordingConsole.oneShot();
        assertThat(executor.execute(ShellWords.split(line), console)).as(line + ": " + console.err).isEqualTo(expectedStatus);
        return console;
    }

    private static String sqlite3(Path database, List<String> sql) throws Exception {
        Process process = new ProcessBuilder("sqlite3", "-bail", database.toString()).redirectErrorStream(true).start();
        process.getOutputStream().write(String.join("\n", sql).getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    // ------------------------------------------------------------------ 12: Flask-Migrate's command lines

    @Test
    void downgradeSqlWithoutARangeRendersTheLastRevisionsDowngrade() {
        // Flask-Migrate: "if sql and revision == '-1': revision = 'head:-1'"
        for (String line : List.of("downgrade --sql", "downgrade -1 --sql")) {
            List<String> out = run(sqlite(), line, DbCommandExecutor.OK).out;
            assertThat(out).contains("-- Running downgrade " + B + " -> " + A + ", create pet", "DROP TABLE pet;",
                    "UPDATE alembic_version SET version_num = '" + A + "' WHERE version_num = '" + B + "';");
            assertThat(out).doesNotContain("DROP TABLE person;");
        }
        assertThat(file).as("offline: nothing connected").doesNotExist();
    }

    @Test
    void stampSqlPrintsTheVersionTableStatements() throws Exception {
        List<String> fromBase = run(sqlite(), "stamp " + B + " --sql", DbCommandExecutor.OK).out;
        assertThat(fromBase).contains("-- Running stamp_revision  -> " + B,
                "INSERT INTO alembic_version (version_num) VALUES ('" + B + "');");
        assertThat(String.join("\n", fromBase)).startsWith("CREATE TABLE alembic_version");
        List<String> fromA = run(sqlite(), "stamp " + A + ":" + B + " --sql", DbCommandExecutor.OK).out;
        assertThat(fromA).contains("-- Running stamp_revision " + A + " -> " + B,
                "UPDATE alembic_version SET version_num = '" + B + "' WHERE version_num = '" + A + "';");
        assertThat(String.join("\n", fromA)).doesNotContain("CREATE TABLE");
        assertThat(file).as("offline: nothing connected").doesNotExist();

        sqlite3(file, fromBase);
        assertThat(SqliteFiles.versions(file)).containsExactly(B);
        assertThat(SqliteFiles.tables(file)).as("the script ran nothing else").doesNotContain("person", "pet");
    }

    @Test
    void onPostgresTheOfflineStampAndDowngradeRunInPsql(PostgresServer server) throws Exception {
        String database = server.createDatabase();
        DbCommandExecutor executor = postgres(server, database, scripts, MigrateConfig.builder());

        String stamp = String.join("\n", run(executor, "stamp " + A + " --sql", DbCommandExecutor.OK).out);
        assertThat(stamp).contains("GENERATED BY DEFAULT AS IDENTITY", "-- Running stamp_revision  -> " + A);
        assertThat(server.runPsql(database, stamp).exitCode()).isZero();
        assertThat(run(executor, "current", DbCommandExecutor.OK).out).containsExactly(A);

        run(executor, "upgrade", DbCommandExecutor.OK);
        String down = String.join("\n", run(executor, "downgrade --sql", DbCommandExecutor.OK).out);
        assertThat(down).contains("-- Running downgrade " + B + " -> " + A + ", create pet", "DROP TABLE pet;")
                .doesNotContain("DROP TABLE person;");
        assertThat(server.runPsql(database, down).exitCode()).isZero();
        assertThat(run(executor, "current", DbCommandExecutor.OK).out).containsExactly(A);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void stampWithoutARevisionStampsHeadOn(String kind) {
        DbCommandExecutor executor = engine(kind, MigrateConfig.builder());
        assertThat(run(executor, "stamp", DbCommandExecutor.OK).out).containsExactly("Running stamp_revision  -> " + B);
        assertThat(run(executor, "current", DbCommandExecutor.OK).out).containsExactly(B + " (head)");
    }

    @Test
    void stampWithoutARevisionStampsHead() {
        assertThat(run(sqlite(), "stamp", DbCommandExecutor.OK).out).containsExactly("Running stamp_revision  -> " + B);
        assertThat(SqliteFiles.versions(file)).containsExactly(B);
        assertThat(run(sqlite(), "stamp --help", DbCommandExecutor.OK).out.get(0))
                .isEqualTo("Usage: db stamp [OPTIONS] [REVISION]");
    }

    @Test
    void dbAlonePrintsTheHelpAndSucceeds() {
        RecordingConsole console = run(sqlite(), "", DbCommandExecutor.OK);
        assertThat(console.out.get(0)).isEqualTo("Usage: db <command> [OPTIONS] [ARGUMENTS]");
        assertThat(console.err).isEmpty();
    }

    @Test
    void currentVerboseNamesTheDatabase() {
        run(sqlite(), "upgrade", DbCommandExecutor.OK);
        List<String> out = run(sqlite(), "current -v", DbCommandExecutor.OK).out;
        assertThat(out.get(0)).isEqualTo("Current revision(s) for " + SqliteFiles.url(file) + ":");
        assertThat(out.get(1)).startsWith("Rev: " + B + " (head)");
    }

    @Test
    void currentVerboseOnPostgresNeverShowsThePassword(PostgresServer server) {
        String database = server.createDatabase();
        String url = server.jdbcUrl(database) + "?user=" + server.user() + "&password=s3cret&ApplicationName=migrate";
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        // as the starter configures it, the URL known from the settings
        DbCommandExecutor configured = new DbCommandExecutor(new Migrate(MigrateConfig.builder().dataSource(dataSource)
                .databaseUrl(url).scriptDirectory(scripts).build()));
        RecordingConsole console = run(configured, "current --verbose", DbCommandExecutor.OK);
        assertThat(console.out).containsExactly("Current revision(s) for " + server.jdbcUrl(database) + "?user="
                + server.user() + "&ApplicationName=migrate:");
        assertThat(String.join("\n", console.out) + console.err).doesNotContain("s3cret");
        // a plain DataSource: the driver's URL, which lists every connection property, shown as its address
        DbCommandExecutor plain = new DbCommandExecutor(new Migrate(MigrateConfig.builder().dataSource(dataSource)
                .scriptDirectory(scripts).build()));
        console = run(plain, "current --verbose", DbCommandExecutor.OK);
        assertThat(console.out).containsExactly("Current revision(s) for " + server.jdbcUrl(database) + ":");
    }

    // ------------------------------------------------------------------ 14: what to do next

    private static Table note(String textColumn) {
        return Table.builder("note")
                .column(Column.of("id", ColumnType.of(GenericType.INTEGER)).notNull())
                .column(Column.of(textColumn, ColumnType.of(GenericType.TEXT)))
                .primaryKey("pk_note", "id").build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void checkOnAnOutOfDateDatabaseSaysToUpgradeThenCheck(String kind) {
        DbCommandExecutor executor = engine(kind, MigrateConfig.builder().model(() -> Schema.of(List.of(note("body")))));
        RecordingConsole console = run(executor, "check", DbCommandExecutor.FAILED);
        assertThat(console.err).singleElement().asString().startsWith("Target database is not up to date")
                .contains("run 'db upgrade', then 'db check'");
    }

    @Test
    void revisionWithSeveralHeadsAdvisesHeadOrMerge() throws IOException {
        script("c3c3c3c3c3c3", A, "create toy", "CREATE TABLE toy (id INTEGER PRIMARY KEY);", "DROP TABLE toy;");
        RecordingConsole console = run(sqlite(), "revision -m more", DbCommandExecutor.FAILED);
        assertThat(console.err).singleElement().asString().contains(B, "c3c3c3c3c3c3", "--head", "db merge");
        assertThat(run(sqlite(), "revision -m more --head " + B, DbCommandExecutor.OK).out).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aOneShotMigrateThatSawAPossibleRenameSaysSoAndNamesRenameAlways(String kind) throws IOException {
        Files.delete(scripts.resolve(B + "_create_pet.sql"));
        Files.delete(scripts.resolve(A + "_create_person.sql"));
        AtomicReference<Schema> models = new AtomicReference<>(Schema.of(List.of(note("body"))));
        DbCommandExecutor executor = engine(kind, MigrateConfig.builder().model(models::get));
        run(executor, "migrate -m notes", DbCommandExecutor.OK);
        run(executor, "upgrade", DbCommandExecutor.OK);

        models.set(Schema.of(List.of(note("content"))));
        RecordingConsole console = run(executor, "migrate -m rename", DbCommandExecutor.OK);

        assertThat(console.err).anySatisfy(line -> assertThat(line).contains("note.body -> note.content")
                .contains("--rename always"));
        assertThat(console.out).last().asString().startsWith("Generating ");
    }
}
