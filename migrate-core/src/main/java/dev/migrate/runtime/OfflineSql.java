package dev.migrate.runtime;

import dev.migrate.dialect.Dialect;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.graph.Step;
import dev.migrate.script.JavaMigrationScript;
import dev.migrate.script.MigrationScript;
import dev.migrate.script.RepeatableScript;
import dev.migrate.script.SqlMigrationScript;
import dev.migrate.script.SqlSyntax;
import dev.migrate.script.Statement;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Offline mode ({@code --sql}): the SQL a plan would run, for a DBA to review or run by hand, with the
 * version-table and log statements and the transaction lines the online run would use. Feeding it to
 * {@code psql} or {@code sqlite3} gives the schema the online run gives.
 */
public final class OfflineSql {

    private final Dialect dialect;
    private final RuntimeSettings settings;
    private final String installedBy;
    private final SqlSyntax syntax;

    public OfflineSql(Dialect dialect, RuntimeSettings settings, String installedBy) {
        this(dialect, settings, installedBy, null);
    }

    /**
     * {@code sqlMode}: the SQL mode of the session the output will run in, where the database has one (MySQL's
     * {@code sql_mode}, {@code migrate.sql-mode}); null for the server's default.
     */
    public OfflineSql(Dialect dialect, RuntimeSettings settings, String installedBy, String sqlMode) {
        String defaultMode = dialect.sqlMode(java.util.Map.of());
        String mode = defaultMode == null || sqlMode == null ? defaultMode : sqlMode;
        // the bookkeeping's literals are read back by a session in that mode
        this.dialect = dialect.inSqlMode(mode);
        this.settings = settings;
        this.installedBy = installedBy;
        this.syntax = ScriptStatements.syntax(dialect, mode);
    }

    /** Renders a plan; from base, the version and log tables are created first, as Alembic does. */
    public String render(Plan plan, Function<String, MigrationScript> scripts) {
        return render(plan, scripts, List.of());
    }

    /**
     * Renders a plan, then {@code repeatables} (all of them: offline SQL cannot know which the database already has
     * with the same checksum), each in its own transaction with its log row, as an online upgrade to head runs them.
     */
    public String render(Plan plan, Function<String, MigrationScript> scripts, List<RepeatableScript> repeatables) {
        VersionTable versionTable = new VersionTable(dialect, settings.versionTable());
        MigrationLog log = new MigrationLog(dialect, settings.logTable());
        StringBuilder sql = new StringBuilder();
        boolean perMigration = settings.transactionPerMigration();
        if (!perMigration) {
            sql.append(dialect.offlineBegin()).append("\n\n");
        }
        if (plan.direction() == Direction.UPGRADE && plan.fromHeads().isEmpty()) {
            appendStatement(sql, dialect.createVersionTable(settings.versionTable()));
            appendStatement(sql, dialect.createLogTable(settings.logTable()));
        }
        Instant now = Instant.now();
        for (Step step : plan.steps()) {
            MigrationScript script = scripts.apply(step.revision().id());
            sql.append("-- Running ").append(step.direction().label()).append(' ').append(step.arrow())
                    .append(", ").append(script.message().replace('\n', ' ')).append("\n\n");
            boolean transaction = perMigration && script.transactional();
            if (!script.transactional()) {
                sql.append("-- ").append(script.location()).append(" runs outside a transaction\n\n");
            }
            boolean suspend = script.foreignKeysOff() && !dialect.offlineSuspendForeignKeys().isEmpty();
            if (suspend) {
                // As online: enforcement off around the rebuild, set outside the transaction where SQLite honours it.
                sql.append("-- ").append(script.location()).append(" rebuilds tables: foreign keys are not enforced"
                        + " while it runs\n");
                dialect.offlineSuspendForeignKeys().forEach(statement -> appendStatement(sql, statement));
            }
            if (transaction) {
                sql.append(dialect.offlineBegin()).append("\n\n");
            }
            for (Statement statement : statements(step, script)) {
                appendStatement(sql, statement.sql());
            }
            for (String change : versionTable.changeStatements(step.headsToDelete(), step.headsToInsert())) {
                appendStatement(sql, change);
            }
            appendStatement(sql, log.insertStatement(new LogEntry(step.revision().id(), step.direction().label(),
                    script.message(), script.checksum(), now, 0, installedBy, true, null)));
            if (transaction) {
                sql.append(dialect.offlineCommit()).append("\n\n");
            }
            if (suspend) {
                sql.append("-- Turn enforcement back on if this session had it on: PRAGMA foreign_keys = ON;\n\n");
            }
        }
        for (RepeatableScript script : repeatables) {
            sql.append("-- ").append(StepListener.describeRepeatable(script.name(), script.message().replace('\n', ' ')))
                    .append("\n\n");
            boolean transaction = perMigration && script.transactional();
            if (!script.transactional()) {
                sql.append("-- ").append(script.location()).append(" runs outside a transaction\n\n");
            }
            if (transaction) {
                sql.append(dialect.offlineBegin()).append("\n\n");
            }
            for (Statement statement : ScriptStatements.of(script, syntax, settings.arguments())) {
                appendStatement(sql, statement.sql());
            }
            appendStatement(sql, log.insertStatement(new LogEntry(script.name(), LogEntry.REPEATABLE, script.message(),
                    script.checksum(), now, 0, installedBy, true, null)));
            if (transaction) {
                sql.append(dialect.offlineCommit()).append("\n\n");
            }
        }
        if (!perMigration) {
            sql.append(dialect.offlineCommit()).append('\n');
        }
        return sql.toString();
    }

    /**
     * Renders a stamp: Alembic's {@code -- Running stamp_revision <from> -> <to>} and the version-table change, with
     * the log rows the online stamp writes. From base the version and log tables are created first (Alembic
     * creates its version table); {@code purge} empties the version table first instead.
     */
    public String renderStamp(Plan plan, boolean purge) {
        VersionTable versionTable = new VersionTable(dialect, settings.versionTable());
        MigrationLog log = new MigrationLog(dialect, settings.logTable());
        StringBuilder sql = new StringBuilder();
        if (plan.fromHeads().isEmpty() && !purge) {
            appendStatement(sql, dialect.createVersionTable(settings.versionTable()));
            appendStatement(sql, dialect.createLogTable(settings.logTable()));
        }
        sql.append("-- Running stamp_revision ").append(String.join(", ", plan.fromHeads())).append(" -> ")
                .append(String.join(", ", plan.toHeads())).append("\n\n");
        sql.append(dialect.offlineBegin()).append("\n\n");
        if (purge) {
            appendStatement(sql, "DELETE FROM " + settings.versionTable().render(dialect));
        }
        List<String> delete = purge ? List.of() : plan.fromHeads().stream().filter(head -> !plan.toHeads().contains(head))
                .toList();
        List<String> insert = plan.toHeads().stream().filter(head -> purge || !plan.fromHeads().contains(head)).toList();
        for (String change : versionTable.changeStatements(delete, insert)) {
            appendStatement(sql, change);
        }
        Instant now = Instant.now();
        for (String head : insert) {
            appendStatement(sql, log.insertStatement(new LogEntry(head, "stamp", null, null, now, 0, installedBy, true,
                    null)));
        }
        sql.append(dialect.offlineCommit()).append('\n');
        return sql.toString();
    }

    private List<Statement> statements(Step step, MigrationScript script) {
        if (script instanceof SqlMigrationScript sqlScript) {
            return ScriptStatements.of(step, sqlScript, syntax, settings.arguments());
        }
        JavaMigrationScript java = (JavaMigrationScript) script;
        throw new IllegalArgumentException("Revision " + step.revision().id() + " is a Java migration ("
                + java.location() + ") and has no SQL to show; run it online, or write it as an SQL script");
    }

    private void appendStatement(StringBuilder sql, String statement) {
        String text = statement.strip();
        int lastLine = text.lastIndexOf('\n');
        // A statement whose last line is a comment would swallow a terminator put on that line.
        boolean endsInComment = text.substring(lastLine + 1).contains("--");
        sql.append(dialect.offlineStatement(endsInComment ? text + "\n" : text)).append("\n\n");
    }
}
