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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every verb on a real SQLite file with real scripts, its output compared with Flask-Migrate's. */
class DbCommandExecutorTest {

    static final String A = "a1a1a1a1a1a1";
    static final String B = "b2b2b2b2b2b2";
    static final String C = "c3c3c3c3c3c3";

    @TempDir
    Path dir;

    private Path scripts;
    private SQLiteDataSource dataSource;
    private DbCommandExecutor executor;

    @BeforeEach
    void setUp() throws IOException {
        scripts = dir.resolve("migrations");
        Files.createDirectories(scripts);
        script(A, "", "create person", "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT);", "DROP TABLE person;");
        script(B, A, "add person email", "ALTER TABLE person ADD COLUMN email TEXT;", "ALTER TABLE person DROP COLUMN email;");
        script(C, B, "create pet", "CREATE TABLE pet (id INTEGER PRIMARY KEY);\nCREATE TABLE pet_owner (pet_id INTEGER);",
                "-- DROP TABLE in a comment does not count\nDROP TABLE pet_owner;\nDROP TABLE pet;");
        dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("app.db"));
        executor = new DbCommandExecutor(new Migrate(MigrateConfig.builder().dataSource(dataSource)
                .databaseUrl(dataSource.getUrl()).scriptDirectory(scripts).build()));
    }

    private void script(String id, String revises, String message, String upgrade, String downgrade) throws IOException {
        Files.writeString(scripts.resolve(id + "_" + message.replace(' ', '_') + ".sql"), """
                -- %s
                --
                -- Revision ID: %s
                -- Revises: %s
                -- Create Date: 2026-11-21 10:00:00.000000
                -- Branch Labels:
                -- Depends On:

                -- migrate:upgrade
                %s

                -- migrate:downgrade
                %s
                """.formatted(message, id, revises, upgrade, downgrade));
    }

    private RecordingConsole run(String line) {
        RecordingConsole console = RecordingConsole.oneShot();
        int status = executor.execute(ShellWords.split(line), console);
        lastStatus = status;
        return console;
    }

    private int lastStatus;

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    // ------------------------------------------------------------------ running

    @Test
    void upgradePrintsAlembicsRunningLines() throws SQLException {
        RecordingConsole console = run("upgrade");
        assertThat(lastStatus).isZero();
        assertThat(console.out).containsExactly(
                "Running upgrade  -> " + A + ", create person",
                "Running upgrade " + A + " -> " + B + ", add person email",
                "Running upgrade " + B + " -> " + C + ", create pet");
        assertThat(console.err).isEmpty();
        assertThat(tables()).contains("person", "pet", "pet_owner", "alembic_version");
    }

    @Test
    void upgradeToARevisionAndRelativeSteps() {
        assertThat(run("upgrade " + A).out).containsExactly("Running upgrade  -> " + A + ", create person");
        assertThat(run("upgrade +1").out).containsExactly("Running upgrade " + A + " -> " + B + ", add person email");
        assertThat(run("current").out).containsExactly(B);
    }

    @Test
    void upgradeWhenAtHeadSaysSo() {
        run("upgrade");
        RecordingConsole console = run("upgrade");
        assertThat(lastStatus).isZero();
        assertThat(console.out).containsExactly("Nothing to upgrade: the database is at " + C);
    }

    @Test
    void downgradeMinusTwoIsARevisionNotAnOption() {
        run("upgrade");
        RecordingConsole console = run("downgrade -2");
        assertThat(lastStatus).isZero();
        assertThat(console.out).containsExactly(
                "Running downgrade " + C + " -> " + B + ", create pet",
                "Running downgrade " + B + " -> " + A + ", add person email");
        assertThat(run("current").out).containsExactly(A);
    }

    @Test
    void downgradeDefaultsToOneStep() {
        run("upgrade");
        assertThat(run("downgrade").out).containsExactly("Running downgrade " + C + " -> " + B + ", create pet");
    }

    @Test
    void downgradeToBase() throws SQLException {
        run("upgrade");
        assertThat(run("downgrade base").out).hasSize(3).last().isEqualTo("Running downgrade " + A + " -> , create person");
        assertThat(tables()).doesNotContain("person", "pet");
        assertThat(run("current").out).isEmpty();
    }

    @Test
    void upgradeSqlPrintsTheOfflineScript() {
        RecordingConsole console = run("upgrade --sql");
        assertThat(lastStatus).isZero();
        String sql = String.join("\n", console.out);
        assertThat(sql).contains("CREATE TABLE person", "CREATE TABLE pet", "BEGIN;", "COMMIT;", "alembic_version");
        assertThat(run("current").out).as("nothing ran").isEmpty();
    }

    @Test
    void downgradeSqlNeedsARange() {
        RecordingConsole console = run("downgrade --sql " + C + ":" + A);
        assertThat(lastStatus).isZero();
        assertThat(String.join("\n", console.out)).contains("DROP TABLE pet;", "ALTER TABLE person DROP COLUMN email");
        // "downgrade --sql" alone is Flask-Migrate's head:-1 (FlaskMigrateParityTest); other targets need the start
        RecordingConsole noRange = run("downgrade --sql base");
        assertThat(lastStatus).isEqualTo(1);
        assertThat(noRange.err).containsExactly("downgrade --sql needs a range <fromrev>:<torev>, as the database is not "
                + "consulted in offline mode; e.g. downgrade --sql head:base");
    }

    @Test
    void stampPrintsAlembicsStampStep() {
        assertThat(run("stamp " + B).out).containsExactly("Running stamp_revision  -> " + B);
        assertThat(run("stamp head").out).containsExactly("Running stamp_revision " + B + " -> " + C);
        assertThat(run("stamp head").out).as("already there: nothing to do").isEmpty();
        assertThat(run("stamp base").out).containsExactly("Running stamp_revision " + C + " -> ");
        assertThat(lastStatus).isZero();
    }

    // ------------------------------------------------------------------ listings

    @Test
    void historyListsNewestFirst() {
        RecordingConsole console = run("history");
        assertThat(lastStatus).isZero();
        assertThat(console.out).containsExactly(
                B + " -> " + C + " (head), create pet",
                A + " -> " + B + ", add person email",
                "<base> -> " + A + ", create person");
    }

    @Test
    void historyWithARangeAndTheCurrentMarked() {
        run("upgrade " + B);
        assertThat(run("history -r " + A + ":" + B).out).containsExactly(
                A + " -> " + B + ", add person email",
                "<base> -> " + A + ", create person");
        assertThat(run("history -i").out).contains(A + " -> " + B + " (current), add person email");
    }

    @Test
    void historyAsAGraphShowsTheBranchAndWhereTheDatabaseIs() throws IOException {
        String d = "d4d4d4d4d4d4";
        script(d, A, "create tag", "CREATE TABLE tag (id INTEGER PRIMARY KEY);", "DROP TABLE tag;");
        run("upgrade " + B);

        RecordingConsole console = run("history --graph");

        assertThat(lastStatus).isZero();
        assertThat(console.out).containsExactly(
                "* " + C + " (head), create pet",
                "@ " + B + " (current), add person email",
                "| * " + d + " (head), create tag",
                "|/",
                "* " + A + " (branchpoint), create person");
        assertThat(run("history -g").out).isEqualTo(console.out);
    }

    @Test
    void historyAsAGraphTakesNoRangeNorVerbose() {
        assertThat(run("history --graph -r " + A + ":").err).containsExactly("db history: --graph draws the whole history"
                + " in one line per revision; leave out --rev-range and --verbose, or drop --graph");
        assertThat(lastStatus).isEqualTo(DbCommandExecutor.USAGE);
        run("history --graph --verbose");
        assertThat(lastStatus).isEqualTo(DbCommandExecutor.USAGE);
    }

    @Test
    void graphWritesMermaidOrDotWithoutTouchingTheDatabase() throws SQLException {
        assertThat(run("graph").out).containsExactly(
                "flowchart BT",
                "    r_" + A + "[\"" + A + "<br/>create person\"]",
                "    r_" + B + "[\"" + B + "<br/>add person email\"]",
                "    r_" + C + "[\"" + C + " (head)<br/>create pet\"]",
                "    r_" + A + " --> r_" + B,
                "    r_" + B + " --> r_" + C);
        assertThat(run("graph --format dot").out).startsWith("digraph revisions {").endsWith("}")
                .contains("    \"" + B + "\" -> \"" + C + "\";");
        assertThat(run("graph -f Mermaid").out.get(0)).isEqualTo("flowchart BT");
        assertThat(tables()).isEmpty();

        assertThat(run("graph --format svg").err).containsExactly("db graph: --format takes mermaid or dot, not 'svg'");
        assertThat(lastStatus).isEqualTo(DbCommandExecutor.USAGE);
    }

    @Test
    void historyVerbose() {
        RecordingConsole console = run("history --verbose");
        assertThat(console.out).contains("Rev: " + C + " (head)", "Parent: " + B, "    create pet");
    }

    @Test
    void currentOnAFreshDatabaseShowsNothing() {
        RecordingConsole console = run("current");
        assertThat(lastStatus).isZero();
        assertThat(console.out).isEmpty();
        assertThat(console.err).isEmpty();
    }

    @Test
    void currentShowsTheHeadMarker() {
        run("upgrade");
        assertThat(run("current").out).containsExactly(C + " (head)");
        assertThat(run("current -v").out).contains("Rev: " + C + " (head)");
    }

    @Test
    void headsAndShowAndBranches() {
        assertThat(run("heads").out).containsExactly(C + " (head)");
        assertThat(run("show " + B).out).contains("Rev: " + B, "Parent: " + A, "    add person email");
        assertThat(run("branches").out).isEmpty();
        assertThat(lastStatus).isZero();
    }

    // ------------------------------------------------------------------ writing scripts

    @Test
    void revisionWithATwoWordMessage() throws IOException {
        RecordingConsole console = run("revision -m \"add tag table\" --rev-id d4d4d4d4d4d4");
        assertThat(lastStatus).isZero();
        Path written = scripts.resolve("d4d4d4d4d4d4_add_tag_table.sql");
        assertThat(console.out).containsExactly("Generating " + written + " ...  done");
        assertThat(Files.readString(written)).startsWith("-- add tag table\n").contains("-- Revises: " + C);
        assertThat(run("heads").out).containsExactly("d4d4d4d4d4d4 (head)");
    }

    @Test
    void mergeOfTwoHeads() {
        run("revision -m branch --head " + B + " --splice --rev-id e5e5e5e5e5e5");
        assertThat(run("heads").out).hasSize(2);
        RecordingConsole console = run("merge heads -m \"merge both\" --rev-id f6f6f6f6f6f6");
        assertThat(lastStatus).as(String.join("\n", console.err)).isZero();
        assertThat(console.out).singleElement().asString().startsWith("Generating ").endsWith("f6f6f6f6f6f6_merge_both.sql ...  done");
        // Alembic's heads leaves out the tree indicators, so no "(mergepoint)" here
        assertThat(run("heads").out).containsExactly("f6f6f6f6f6f6 (head)");
        assertThat(run("history").out.get(0)).isEqualTo(C + ", e5e5e5e5e5e5 -> f6f6f6f6f6f6 (head) (mergepoint), merge both");
    }

    @Test
    void initCreatesTheDirectoryAndTemplate() {
        Path fresh = dir.resolve("fresh");
        DbCommandExecutor onFresh = new DbCommandExecutor(new Migrate(MigrateConfig.builder().dataSource(dataSource)
                .scriptDirectory(fresh).build()));
        RecordingConsole console = RecordingConsole.oneShot();
        assertThat(onFresh.execute(List.of("init"), console)).isZero();
        assertThat(console.out).first().isEqualTo("Creating directory " + fresh + " ...  done");
        assertThat(console.out).anySatisfy(line -> assertThat(line).startsWith("Generating ").endsWith("script.sql.tmpl ...  done"));
        assertThat(fresh.resolve("script.sql.tmpl")).exists();
    }

    // ------------------------------------------------------------------ failures and exit statuses

    @Test
    void anUnknownRevisionFailsWithOneLine() {
        RecordingConsole console = run("upgrade nosuch");
        assertThat(lastStatus).isEqualTo(DbCommandExecutor.FAILED);
        assertThat(console.out).isEmpty();
        assertThat(console.err).hasSize(1);
        assertThat(console.err.get(0)).contains("nosuch");
    }

    @Test
    void debugAddsTheStackTrace() {
        RecordingConsole console = run("upgrade nosuch --debug");
        assertThat(lastStatus).isEqualTo(1);
        assertThat(console.err.size()).isGreaterThan(3);
        assertThat(console.err).anySatisfy(line -> assertThat(line).contains("MigrateException"));
    }

    @Test
    void aFailingScriptNamesTheScriptAndLeavesTheDatabaseWhereItWas() throws IOException {
        run("upgrade");
        script("d4d4d4d4d4d4", C, "broken", "CREATE TABLE ok_table (id INTEGER);\nINSERT INTO no_such_table VALUES (1);", "");
        RecordingConsole console = run("upgrade");
        assertThat(lastStatus).isEqualTo(1);
        assertThat(console.err).singleElement().asString()
                .contains("d4d4d4d4d4d4_broken.sql", "no such table: no_such_table", "the database is at " + C);
        assertThat(run("current").out).containsExactly(C);
    }

    @Test
    void aFailedAttemptShowsInStatusAndTheNextUpgradeWarnsOfIt() throws IOException {
        run("upgrade");
        script("d4d4d4d4d4d4", C, "broken", "CREATE TABLE ok_table (id INTEGER);\nINSERT INTO no_such_table VALUES (1);", "");
        run("upgrade");
        String failed = "revision d4d4d4d4d4d4 failed at line 11 on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC";
        assertThat(run("status").out).last().asString().matches("Failed: " + failed);

        script("d4d4d4d4d4d4", C, "broken", "CREATE TABLE ok_table (id INTEGER);", "");
        RecordingConsole console = run("upgrade");
        assertThat(lastStatus).isZero();
        assertThat(console.err).singleElement().asString().matches("WARNING: " + failed);
        assertThat(run("status").out).noneMatch(line -> line.startsWith("Failed: "));
    }

    @Test
    void statusIsAReadableTableOfAppliedAndPendingRevisionsWithDrift() throws IOException {
        run("upgrade " + B);
        RecordingConsole console = run("status");
        assertThat(lastStatus).isZero();
        assertThat(console.out.get(0)).isEqualTo("Database (sqlite) at " + B + "; scripts' heads: " + C);
        assertThat(console.out.get(1)).startsWith("REVISION      STATE    APPLIED AT (UTC)     DURATION  MESSAGE");
        assertThat(console.out.get(2)).startsWith(A + "  applied  ").endsWith("create person");
        assertThat(console.out.get(3)).startsWith(B + "  applied  ").endsWith("add person email");
        assertThat(console.out.get(4)).matches(C + "  pending\\s+create pet");

        Path first;
        try (Stream<Path> files = Files.list(scripts)) {
            first = files.filter(file -> file.getFileName().toString().startsWith(A)).findFirst().orElseThrow();
        }
        run("upgrade");
        Files.writeString(first, Files.readString(first).replace("name TEXT", "name VARCHAR(20)"));
        console = run("status");
        assertThat(console.out.get(0)).endsWith("(up to date)");
        assertThat(console.out.get(2)).startsWith(A + "  edited   ");
        assertThat(console.out).last().isEqualTo("Edited after they were applied: " + A
                + "; upgrades refuse to run until 'db repair' records the reviewed edits");
    }

    @Test
    void eachRevisionIsAnnouncedAsItStartsSoAFailureShowsWhereTheRunStopped() throws IOException {
        script("d4d4d4d4d4d4", C, "broken", "INSERT INTO no_such_table VALUES (1);", "");
        RecordingConsole console = run("upgrade");
        assertThat(lastStatus).isEqualTo(1);
        assertThat(console.out).containsExactly(
                "Running upgrade  -> " + A + ", create person",
                "Running upgrade " + A + " -> " + B + ", add person email",
                "Running upgrade " + B + " -> " + C + ", create pet",
                "Running upgrade " + C + " -> d4d4d4d4d4d4, broken");
        assertThat(console.err).singleElement().asString().contains("d4d4d4d4d4d4_broken.sql");
    }

    @Test
    void usageErrorsExitTwoWithTheirMessage() {
        RecordingConsole unknown = run("frob");
        assertThat(lastStatus).isEqualTo(DbCommandExecutor.USAGE);
        assertThat(unknown.err).singleElement().asString().startsWith("Unknown command 'db frob'");
        assertThat(run("upgrade --frob").err).containsExactly("db upgrade: unknown option '--frob'; see db upgrade --help");
        assertThat(lastStatus).isEqualTo(2);
        assertThat(run("revision -m").err).containsExactly("db revision: option --message needs a value");
        assertThat(lastStatus).isEqualTo(2);
        assertThat(run("upgrade a b").err).hasSize(1);
        assertThat(lastStatus).isEqualTo(2);
    }

    @Test
    void helpPrintsTheVerbsOptionsAndExitsZero() {
        RecordingConsole console = run("downgrade --help");
        assertThat(lastStatus).isZero();
        assertThat(console.out.get(0)).isEqualTo("Usage: db downgrade [OPTIONS] [REVISION]");
        assertThat(console.out).contains("  Revert to a previous revision", "  The revision defaults to -1.");
        assertThat(console.out).anySatisfy(line -> assertThat(line).startsWith("  -y, --yes").contains("do not ask before dropping tables"));
        assertThat(console.out).anySatisfy(line -> assertThat(line).startsWith("  -h, --help"));
        assertThat(run("stamp --help").out.get(0)).isEqualTo("Usage: db stamp [OPTIONS] [REVISION]");
        assertThat(run("merge --help").out.get(0)).isEqualTo("Usage: db merge [OPTIONS] [REVISIONS]...");
    }

    @Test
    void helpWithoutACommandListsTheCommands() {
        for (String line : List.of("--help", "-h", "help")) {
            RecordingConsole console = run(line);
            assertThat(lastStatus).isZero();
            assertThat(console.out.get(0)).isEqualTo("Usage: db <command> [OPTIONS] [ARGUMENTS]");
            assertThat(console.out).contains("  upgrade      Upgrade to a later revision", "  stamp        "
                    + "Set the version table to a revision without running migrations");
        }
        // "flask db" alone: the help, exit 0
        assertThat(run("").out.get(0)).isEqualTo("Usage: db <command> [OPTIONS] [ARGUMENTS]");
        assertThat(lastStatus).isZero();
    }

    @Test
    void migrateWritesTheDiffAndCheckSaysWhetherModelsAndDatabaseMatch() throws Exception {
        Path fresh = dir.resolve("fresh");
        SQLiteDataSource freshDb = new SQLiteDataSource();
        freshDb.setUrl("jdbc:sqlite:" + dir.resolve("fresh.db"));
        java.util.concurrent.atomic.AtomicReference<dev.migrate.schema.Schema> models = new java.util.concurrent.atomic.AtomicReference<>(
                dev.migrate.schema.Schema.of(List.of(note(false))));
        DbCommandExecutor withModels = new DbCommandExecutor(new Migrate(MigrateConfig.builder().dataSource(freshDb)
                .scriptDirectory(fresh).model(models::get).build()));
        RecordingConsole console = RecordingConsole.oneShot();
        assertThat(withModels.execute(ShellWords.split("init"), console)).isZero();

        console = RecordingConsole.oneShot();
        assertThat(withModels.execute(ShellWords.split("migrate -m \"add notes\""), console)).isZero();
        assertThat(console.out).first().isEqualTo("Detected added table 'note'");
        assertThat(console.out).last().asString().startsWith("Generating ").endsWith("_add_notes.sql ...  done");

        console = RecordingConsole.oneShot();
        assertThat(withModels.execute(ShellWords.split("check"), console)).as("pending revision").isEqualTo(1);
        assertThat(console.err).singleElement().asString().startsWith("Target database is not up to date");

        assertThat(withModels.execute(ShellWords.split("upgrade"), RecordingConsole.oneShot())).isZero();
        console = RecordingConsole.oneShot();
        assertThat(withModels.execute(ShellWords.split("check"), console)).isZero();
        assertThat(console.out).containsExactly("No new upgrade operations detected.");
        console = RecordingConsole.oneShot();
        assertThat(withModels.execute(ShellWords.split("migrate -m again"), console)).isZero();
        assertThat(console.out).containsExactly("No changes in schema detected.");
        try (Stream<Path> files = Files.list(fresh)) {
            assertThat(files.filter(file -> file.toString().endsWith(".sql"))).hasSize(1);
        }

        models.set(dev.migrate.schema.Schema.of(List.of(note(true))));
        console = RecordingConsole.oneShot();
        assertThat(withModels.execute(ShellWords.split("check"), console)).isEqualTo(1);
        assertThat(console.out).contains("  Detected added column 'note.title'");
        assertThat(withModels.execute(ShellWords.split("migrate --sql -m x"), RecordingConsole.oneShot())).isEqualTo(2);
    }

    private static dev.migrate.schema.Table note(boolean withTitle) {
        var table = dev.migrate.schema.Table.builder("note")
                .column(dev.migrate.schema.Column.of("id", dev.migrate.schema.ColumnType.of(dev.migrate.schema.GenericType.INTEGER))
                        .notNull().withAutoincrement(true))
                .column(dev.migrate.schema.Column.of("body", dev.migrate.schema.ColumnType.of(dev.migrate.schema.GenericType.TEXT)))
                .primaryKey("pk_note", "id");
        if (withTitle) {
            table.column(dev.migrate.schema.Column.of("title", dev.migrate.schema.ColumnType.varchar(80)));
        }
        return table.build();
    }

    // ------------------------------------------------------------------ downgrade confirmation

    private RecordingConsole runInteractive(String line, Boolean... answers) {
        RecordingConsole console = new RecordingConsole(true, answers);
        lastStatus = executor.execute(ShellWords.split(line), console);
        return console;
    }

    @Test
    void aDowngradeThatDropsTablesAsksAtThePromptAndStopsOnNo() throws SQLException {
        run("upgrade");
        RecordingConsole console = runInteractive("downgrade", false);
        assertThat(console.questions).containsExactly("This downgrade drops tables pet_owner, pet and the data in them. Continue?");
        assertThat(lastStatus).isEqualTo(1);
        assertThat(console.err).containsExactly("Aborted: nothing was downgraded.");
        assertThat(console.out).isEmpty();
        assertThat(tables()).contains("pet", "pet_owner");
        assertThat(run("current").out).containsExactly(C + " (head)");
    }

    @Test
    void aDowngradeThatDropsTablesRunsOnYes() {
        run("upgrade");
        RecordingConsole console = runInteractive("downgrade base", true);
        assertThat(console.questions).containsExactly(
                "This downgrade drops tables pet_owner, pet, person and the data in them. Continue?");
        assertThat(lastStatus).isZero();
        assertThat(console.out).hasSize(3);
    }

    @Test
    void yesSkipsTheQuestion() {
        run("upgrade");
        RecordingConsole console = runInteractive("downgrade --yes");
        assertThat(console.questions).isEmpty();
        assertThat(lastStatus).isZero();
        runInteractive("downgrade base -y");
        assertThat(lastStatus).isZero();
        assertThat(run("current").out).isEmpty();
    }

    @Test
    void aDowngradeThatDropsNoTableDoesNotAsk() {
        run("upgrade " + B);
        RecordingConsole console = runInteractive("downgrade -1");
        assertThat(console.questions).isEmpty();
        assertThat(console.out).containsExactly("Running downgrade " + B + " -> " + A + ", add person email");
    }

    @Test
    void oneShotModeNeverAsks() {
        run("upgrade");
        RecordingConsole console = run("downgrade base");
        assertThat(lastStatus).isZero();
        assertThat(console.out).hasSize(3);
    }

    @Test
    void aBranchDowngradeThatDropsATableAsksThoughTheOtherBranchHasNothingToUndo() throws IOException {
        Files.writeString(scripts.resolve("f0000000000f_create_toy.sql"), """
                -- create toy
                --
                -- Revision ID: f0000000000f
                -- Revises: %s
                -- Create Date: 2026-11-21 10:00:00.000000
                -- Branch Labels: feature
                -- Depends On:

                -- migrate:upgrade
                CREATE TABLE toy (id INTEGER PRIMARY KEY);

                -- migrate:downgrade
                DROP TABLE toy;
                """.formatted(A));
        run("upgrade heads");
        RecordingConsole console = runInteractive("downgrade feature@-1", false);
        assertThat(console.questions).containsExactly("This downgrade drops table toy and the data in it. Continue?");
        assertThat(lastStatus).isEqualTo(1);
    }

    @Test
    void aBadTargetAtThePromptFailsWithoutAQuestion() {
        run("upgrade");
        RecordingConsole console = runInteractive("downgrade nosuch");
        assertThat(console.questions).isEmpty();
        assertThat(lastStatus).isEqualTo(1);
        assertThat(console.err).hasSize(1);
    }

    @Test
    void droppedTablesAreReadFromTheSql() {
        assertThat(DowngradeCheck.droppedTables("""
                -- DROP TABLE commented;
                /* DROP TABLE blocked; */
                DROP TABLE IF EXISTS a;
                drop table "Quoted Name";
                DROP TABLE s.b, c CASCADE;
                DROP INDEX ix_a;
                DROP TABLE a;
                """)).containsExactly("a", "\"Quoted Name\"", "s.b", "c");
        assertThat(Stream.of("DROP TRIGGER t;", "ALTER TABLE x DROP COLUMN y;").map(DowngradeCheck::droppedTables))
                .allSatisfy(list -> assertThat(list).isEmpty());
    }
}
