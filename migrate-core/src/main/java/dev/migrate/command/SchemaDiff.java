package dev.migrate.command;

import dev.migrate.autogenerate.Autogenerate;
import dev.migrate.autogenerate.Changes;
import dev.migrate.autogenerate.CompareOptions;
import dev.migrate.autogenerate.LibraryTables;
import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.LockTable;
import dev.migrate.dialect.TableName;
import dev.migrate.graph.Plan;
import dev.migrate.reflect.ReflectOptions;
import dev.migrate.reflect.SchemaReader;
import dev.migrate.schema.ModelSources;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.runtime.VersionTable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code db migrate} and {@code db check} share: the models against the live database, which
 * must be at its heads first (a diff against an old schema would repeat what pending scripts do).
 */
final class SchemaDiff {

    private final MigrateConfig config;

    SchemaDiff(MigrateConfig config) {
        this.config = config;
    }

    /**
     * {@code verb} ({@code migrate} or {@code check}) is the command to run again once the database is upgraded. The
     * models are read on a thread of their own while this one reads the database; the answer and the failures are
     * those of reading the models first: when the models fail, that is the failure, whatever the database did.
     */
    Changes compare(Scripts scripts, RenameDecider renames, String verb) throws SQLException {
        if (config.models().isEmpty()) {
            throw new MigrateException("No models to compare with: give model classes (migrate.model-packages, "
                    + "ModelSource beans, or MigrateConfig.model(...)) before running migrate or check");
        }
        ModelsOnTheirOwnThread models = ModelsOnTheirOwnThread.start(this::models);
        LiveDatabase database;
        try {
            database = read(scripts, verb);
        } catch (SQLException | RuntimeException | Error databaseFailure) {
            models.join(); // the models' failure first, as when they were read before the database
            throw databaseFailure;
        }
        return Autogenerate.compare(models.join(), database.schema(), database.dialect(), options(database, renames));
    }

    private Schema models() {
        Schema models = ModelSources.merge(config.models()).schema();
        if (models.tables().isEmpty()) {
            // e.g. a model package scan that found nothing: comparing would drop every table in the database
            throw new MigrateException("No models to compare with: the model sources declare no tables (check "
                    + "migrate.model-packages and the ModelSource beans); a script that drops every table is not "
                    + "written from an empty model");
        }
        return models;
    }

    /**
     * The database at its heads, read on a connection given back before the models are waited for: a model source may
     * take one from the same DataSource (the Spring layer's entity settings do), and a pool may have only one.
     */
    private LiveDatabase read(Scripts scripts, String verb) throws SQLException {
        try (Connection connection = config.dataSource().getConnection()) {
            Dialect dialect = Dialect.of(connection);
            if (!dialect.supportsAutogenerate()) {
                throw new MigrateException("db " + verb + " compares models with the database, and autogenerate is not "
                        + "supported for " + dialect.displayName() + " yet; write the revision by hand ('db revision -m "
                        + "...') and run it with 'db upgrade'");
            }
            List<String> heads = new VersionTable(dialect, config.runtime().versionTable()).read(connection);
            Plan pending = scripts.graph().upgrade(heads, "heads");
            if (!pending.isEmpty()) {
                // Alembic: "Target database is not up to date."; and what to do about it.
                throw new MigrateException("Target database is not up to date: " + pending.steps().size()
                        + " revision(s) pending; run 'db upgrade', then 'db " + verb + "' again");
            }
            // the lock table too, where the dialect's lock is a table (H2, the generic dialect)
            TableName lockTable = LockTable.tableOf(config.runtime().versionTable());
            Schema database = SchemaReader.forConnection(connection).read(connection, ReflectOptions.defaults()
                    .filter(config.autogenerate().includeTableName())
                    .excluding(config.runtime().versionTable(), config.runtime().logTable(), lockTable));
            return new LiveDatabase(dialect, database, lockTable, tablesWithRows(connection, dialect, database));
        }
    }

    /** What the comparison needs of the database, read. */
    private record LiveDatabase(Dialect dialect, Schema schema, TableName lockTable, Set<String> tablesWithRows) {
    }

    private CompareOptions options(LiveDatabase database, RenameDecider renames) {
        return CompareOptions.builder()
                .engineTables(config.runtime().versionTable().name(), config.runtime().logTable().name(),
                        database.lockTable().name())
                .keepUnownedTables(config.autogenerate().keepUnownedTables())
                .libraryTables(config.autogenerate().keepLibraryTables() ? LibraryTables.DEFAULTS : Set.of())
                .includeObject(config.autogenerate().includeObject())
                .renameDecider(renames)
                .tablesWithRows(database.tablesWithRows())
                .build();
    }

    /** The tables that hold rows, in one query for all of them (NOT NULL without a default fails on those). */
    private static Set<String> tablesWithRows(Connection connection, Dialect dialect, Schema database)
            throws SQLException {
        List<Table> tables = database.tables().stream().filter(table -> table.kind() == dev.migrate.schema.TableKind.TABLE)
                .toList();
        Set<String> withRows = new HashSet<>();
        if (tables.isEmpty()) {
            return withRows;
        }
        StringBuilder sql = new StringBuilder();
        for (Table table : tables) {
            sql.append(sql.isEmpty() ? "" : " UNION ALL ").append("SELECT ").append(dialect.literal(table.name()))
                    .append(" WHERE EXISTS (SELECT 1 FROM ").append(dialect.quoteIfNeeded(table.name())).append(')');
        }
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql.toString())) {
            while (rows.next()) {
                withRows.add(rows.getString(1));
            }
        }
        return withRows;
    }
}
