package dev.migrate.test;

import dev.migrate.command.CheckResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.graph.Plan;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.reflect.ReflectOptions;
import dev.migrate.reflect.SchemaReader;
import dev.migrate.schema.Schema;
import dev.migrate.script.MigrationScript;
import dev.migrate.script.RepeatableScript;
import dev.migrate.script.ScriptException;
import dev.migrate.script.ScriptSet;
import dev.migrate.script.SqlMigrationScript;
import dev.migrate.script.SqlSyntax;

import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks pytest-alembic gives Alembic users, over the engine's facade: each usable alone, each failing with a
 * {@link MigrationCheckFailure} that names the revision, what differed and how to reproduce it with {@code db}
 * commands. Build one over the application's {@code Migrate} bean, or over a {@code Migrate} made by hand.
 * The checks that run migrations ({@link #assertStairway()}, {@link #assertModelsMatchMigrations()}) change the
 * database: give them a throwaway one.
 */
public final class MigrationChecks {

    private final Migrate migrate;
    private final Options options;

    /** What the test allowed or told the kit; each setter returns new checks with one of them changed. */
    private record Options(boolean multipleHeadsAllowed, Set<String> withoutDowngrade, Path client,
                           String clientPassword) {

        Options {
            withoutDowngrade = Set.copyOf(withoutDowngrade);
        }
    }

    private MigrationChecks(Migrate migrate, Options options) {
        this.migrate = migrate;
        this.options = options;
    }

    public static MigrationChecks of(Migrate migrate) {
        return new MigrationChecks(migrate, new Options(false, Set.of(), null, null));
    }

    /** Several heads are intended (independent branches); {@link #assertSingleHead()} then passes. */
    public MigrationChecks allowMultipleHeads() {
        return new MigrationChecks(migrate, new Options(true, options.withoutDowngrade(), options.client(),
                options.clientPassword()));
    }

    /** These revisions are meant to have no downgrade section; {@link #assertScriptsValid()} accepts them. */
    public MigrationChecks allowNoDowngrade(String... revisions) {
        Set<String> allowed = new HashSet<>(options.withoutDowngrade());
        allowed.addAll(List.of(revisions));
        return new MigrationChecks(migrate, new Options(options.multipleHeadsAllowed(), allowed, options.client(),
                options.clientPassword()));
    }

    /**
     * The database's command-line client for {@link #assertOfflineMatchesOnline()} ({@code sqlite3} or {@code psql}),
     * where it is not on {@code PATH}.
     */
    public MigrationChecks databaseClient(Path executable) {
        return new MigrationChecks(migrate, new Options(options.multipleHeadsAllowed(), options.withoutDowngrade(),
                executable, options.clientPassword()));
    }

    /**
     * The password the database client logs in with ({@code PGPASSWORD} for {@code psql}); the engine's DataSource
     * keeps its own to itself. {@link MigrationChecksExtension} passes the one of a Spring context's
     * {@code JdbcConnectionDetails} (Testcontainers' {@code @ServiceConnection}, {@code spring.datasource.password}).
     */
    public MigrationChecks databasePassword(String password) {
        return new MigrationChecks(migrate, new Options(options.multipleHeadsAllowed(), options.withoutDowngrade(),
                options.client(), password));
    }

    public Migrate migrate() {
        return migrate;
    }

    /** The history has one head (unless {@link #allowMultipleHeads()}): no unmerged branches. Reads scripts only. */
    public void assertSingleHead() {
        List<String> heads = RevisionGraph.of(loadScripts().revisions()).heads();
        if (heads.size() > 1 && !options.multipleHeadsAllowed()) {
            throw new MigrationCheckFailure("Single head check failed: the history has " + heads.size() + " heads ("
                    + String.join(", ", heads) + "), unmerged branches; merge them with 'db merge -m \"merge heads\"' "
                    + "(see 'db heads' and 'db history'), or allow several heads with allowMultipleHeads()");
        }
    }

    /**
     * Every script loads and parses (headers, then bodies split into statements with the database's syntax), no two
     * revisions share an id or a branch label, and every revision has a downgrade section unless allowed; repeatable
     * scripts split too, with the configured parameters.
     */
    public void assertScriptsValid() {
        ScriptSet scripts = loadScripts();
        SqlSyntax syntax = databaseSyntax();
        List<String> problems = new ArrayList<>();
        for (MigrationScript script : scripts.scripts()) {
            if (!(script instanceof SqlMigrationScript sql)) {
                continue; // a Java migration's downgrade is a method the compiler already demands
            }
            String id = sql.revision().id();
            try {
                // Parsed as an upgrade parses them: with the configured ${key} parameters.
                sql.upgradeStatements(syntax, migrate.config().runtime().arguments());
                sql.downgradeStatements(syntax, migrate.config().runtime().arguments());
            } catch (ScriptException e) {
                problems.add("revision " + id + " does not parse: " + e.getMessage());
                continue;
            }
            if (!sql.hasDowngrade() && !options.withoutDowngrade().contains(id)) {
                problems.add("revision " + id + " (" + sql.location() + ") has no '-- migrate:downgrade' section; "
                        + "add one (empty when there is nothing to undo) or allow it with allowNoDowngrade(\"" + id
                        + "\")");
            }
        }
        for (RepeatableScript repeatable : scripts.repeatables()) {
            try {
                repeatable.statements(syntax, migrate.config().runtime().arguments());
            } catch (ScriptException e) {
                problems.add("repeatable script " + repeatable.name() + " does not parse: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new MigrationCheckFailure("Script check failed: " + String.join("; ", problems));
        }
    }

    /**
     * From base, each revision in upgrade order is upgraded, downgraded and upgraded again; the schema after each
     * downgrade must equal the schema before its upgrade. Downgrades the database to base first: give it a throwaway
     * database (or the test context's). The steps run the revisions alone (no downgrade undoes a repeatable script);
     * the database is left at the heads with its repeatable scripts applied.
     */
    public void assertStairway() {
        // A Spring test context may have upgraded the database on startup: the stairway starts from base regardless.
        run("db downgrade base (to start the stairway from base)", () -> migrate.downgrade("base"));
        Plan plan = run("db upgrade heads", () -> migrate.planUpgrade("heads"));
        for (var step : plan.steps()) {
            String id = step.revision().id();
            String down = downgradeTarget(id);
            Schema before = reflect();
            step("upgrade", id, down, () -> migrate.upgradeRevisions(id));
            Schema upgraded = reflect();
            step("downgrade", id, down, () -> migrate.downgrade(down));
            SchemaDifference difference = SchemaDifference.between(before, reflect());
            if (!difference.isEmpty()) {
                throw new MigrationCheckFailure("Stairway check failed at revision " + id + ": after 'db downgrade "
                        + down + "' the schema differs from before 'db upgrade " + id + "': " + difference
                        + "; the downgrade section does not undo the upgrade; reproduce on an empty database with "
                        + reproduce(id, down));
            }
            step("second upgrade", id, down, () -> migrate.upgradeRevisions(id));
            SchemaDifference again = SchemaDifference.between(upgraded, reflect());
            if (!again.isEmpty()) {
                throw new MigrationCheckFailure("Stairway check failed at revision " + id + ": the second 'db upgrade "
                        + id + "' gives another schema than the first: " + again + "; reproduce on an empty database "
                        + "with " + reproduce(id, down) + " && 'db upgrade " + id + "'");
            }
        }
        run("db upgrade heads", () -> migrate.upgrade("heads"));
    }

    /** After upgrading to the heads, {@code db check} finds no difference between the models and the database. */
    public void assertModelsMatchMigrations() {
        run("db upgrade heads", () -> migrate.upgrade("heads"));
        CheckResult check = run("db check", migrate::check);
        if (!check.differences().isEmpty()) {
            throw new MigrationCheckFailure("Models do not match migrations: after 'db upgrade heads', 'db check' finds "
                    + String.join("; ", check.differences()) + "; write the missing revision with 'db migrate -m "
                    + "\"...\"', review it, and run 'db check' again");
        }
    }

    /**
     * Rows written at {@code revision} by {@code seed} are still readable after {@code db upgrade heads}: {@code
     * verify} reads them and throws (an assertion or an {@link SQLException}) when they are gone. Downgrades the
     * database to base first, like the stairway.
     */
    public void assertDataSurvives(String revision, SqlWork seed, SqlWork verify) {
        seedAt(revision, seed);
        run("db upgrade heads", () -> migrate.upgrade("heads"));
        verify(verify, cause -> "Data check failed: rows written at revision " + revision + " do not survive 'db "
                + "upgrade heads': " + cause + "; reproduce with 'db upgrade " + revision + "', the seed rows, 'db "
                + "upgrade heads', and 'db history -r " + revision + ":heads' for the revisions that may lose them");
    }

    /**
     * The test's claim that the downgrades back to {@code revision} keep data: rows written there by {@code seed}
     * are still readable by {@code verify} after {@code db upgrade heads} and {@code db downgrade revision}. The
     * claim is the test's (not a script header) because it means nothing without the rows that test it, which only
     * the test knows. Downgrades the database to base first; leaves it at {@code revision}.
     */
    public void assertDataSurvivesDowngrade(String revision, SqlWork seed, SqlWork verify) {
        seedAt(revision, seed);
        List<String> above = run("db upgrade heads", () -> migrate.planUpgrade("heads")).steps().stream()
                .map(step -> step.revision().id()).toList();
        run("db upgrade heads", () -> migrate.upgrade("heads"));
        run("db downgrade " + revision, () -> migrate.downgrade(revision));
        verify(verify, cause -> "Data check failed: rows written at revision " + revision + " do not survive 'db "
                + "upgrade heads' and 'db downgrade " + revision + "': " + cause + "; the downgrades of "
                + String.join(", ", above) + " lose them (unless the upgrades did: see assertDataSurvives); reproduce "
                + "with 'db upgrade " + revision + "', the seed rows, 'db upgrade heads', 'db downgrade " + revision
                + "', and 'db downgrade --sql heads:" + revision + "' for the statements that ran");
    }

    private void seedAt(String revision, SqlWork seed) {
        run("db downgrade base (to start the data check from base)", () -> migrate.downgrade("base"));
        run("db upgrade " + revision, () -> migrate.upgrade(revision));
        work("writing the rows at revision " + revision, seed);
    }

    private void verify(SqlWork verify, Function<String, String> message) {
        try {
            work(null, verify);
        } catch (AssertionError e) { // the verifier's assertion, or a MigrationCheckFailure around its SQLException
            Throwable cause = e instanceof MigrationCheckFailure && e.getCause() != null ? e.getCause() : e;
            throw new MigrationCheckFailure(message.apply(String.valueOf(cause.getMessage()).strip()), cause);
        }
    }

    /**
     * The offline SQL of the whole history ({@code db upgrade --sql}), run with the database's own client
     * ({@code sqlite3}, {@code psql}: on {@code PATH}, or {@link #databaseClient}), gives the schema that
     * {@code db upgrade heads} gives. Runs both on this database in turn: downgrades it to base, drops the version
     * and log tables before the offline run (whose SQL creates them), and leaves it at the heads.
     */
    public void assertOfflineMatchesOnline() {
        OfflineRun offline = new OfflineRun(migrate, options.client(), options.clientPassword());
        run("db downgrade base (to start the offline check from base)", () -> migrate.downgrade("base"));
        run("db upgrade heads", () -> migrate.upgrade("heads"));
        Schema online = reflect();
        String sql = run("db upgrade --sql", () -> migrate.upgradeSql("heads"));
        run("db downgrade base (before the offline SQL)", () -> migrate.downgrade("base"));
        offline.apply(sql);
        SchemaDifference difference = SchemaDifference.between(online, reflect());
        if (!difference.isEmpty()) {
            throw new MigrationCheckFailure("Offline check failed: the offline SQL of the whole history (kept in "
                    + offline.keep(sql) + "), run with " + offline.program() + ", gives another schema than 'db upgrade "
                    + "heads': " + difference + "; reproduce with 'db upgrade --sql > upgrade.sql' && '"
                    + offline.reproduce() + "' on one empty database, 'db upgrade heads' on another, and compare them");
        }
    }

    private void work(String what, SqlWork work) {
        try (Connection connection = config().dataSource().getConnection()) {
            work.run(connection);
        } catch (SQLException e) {
            throw new MigrationCheckFailure(what == null ? e.getMessage() : what + " failed: " + e.getMessage(), e);
        }
    }

    private static String reproduce(String id, String down) {
        return "'db upgrade " + id + "' && 'db downgrade " + down + "'";
    }

    /**
     * Undoes {@code id} alone: the branch-relative form keeps every other applied branch where it is (downgrading to
     * the parent would also undo a sibling branch applied earlier, and the schemas would differ for no fault).
     */
    private static String downgradeTarget(String id) {
        return id + "@-1";
    }

    private void step(String what, String id, String down, Runnable action) {
        try {
            action.run();
        } catch (MigrateException e) {
            throw new MigrationCheckFailure("Stairway check failed at revision " + id + ": its " + what + " failed: "
                    + e.getMessage() + "; reproduce on an empty database with " + reproduce(id, down), e);
        }
    }

    private ScriptSet loadScripts() {
        try {
            return migrate.scriptSet();
        } catch (MigrateException e) {
            throw new MigrationCheckFailure("Migration scripts do not load: " + e.getMessage() + "; 'db heads' shows the "
                    + "same", e);
        }
    }

    private <T> T run(String what, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (MigrateException e) {
            throw new MigrationCheckFailure(what + " failed: " + e.getMessage(), e);
        }
    }

    private SqlSyntax databaseSyntax() {
        try (Connection connection = config().dataSource().getConnection()) {
            Dialect dialect = Dialect.of(connection);
            return SqlSyntax.of(dialect.hashComments(), dialect.backslashEscapes(),
                    dialect.sqlMode(dialect.sessionSettings(connection)));
        } catch (SQLException e) {
            throw new MigrationCheckFailure("Could not connect to the database to learn its SQL syntax: "
                    + e.getMessage(), e);
        }
    }

    private Schema reflect() {
        MigrateConfig config = config();
        try (Connection connection = config.dataSource().getConnection()) {
            return SchemaReader.forConnection(connection).read(connection, ReflectOptions.defaults()
                    .excluding(config.runtime().versionTable(), config.runtime().logTable()));
        } catch (SQLException e) {
            throw new MigrationCheckFailure("Could not read the database's schema: " + e.getMessage(), e);
        }
    }

    private MigrateConfig config() {
        return migrate.config();
    }
}
