package dev.migrate.command;

import dev.migrate.dialect.TableName;
import dev.migrate.runtime.MigrationCallback;
import dev.migrate.runtime.RuntimeSettings;
import dev.migrate.schema.ModelSource;
import dev.migrate.script.JavaMigration;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the commands need: the database, where scripts are read from ({@code locations}, e.g.
 * {@code classpath:db/migrations}) and written to ({@code scriptDirectory}, a source directory on disk;
 * when it exists it is also where scripts are read from, so a revision just written is seen at once),
 * the runtime settings, the Java migrations, the model sources that autogenerate compares with the
 * database, and what is known of the database without connecting (for offline SQL). {@code versionPaths} are
 * further script directories the commands read with the script directory and {@code revision --version-path} may
 * write to (Alembic's {@code version_locations}); any of these paths may hold {@code {vendor}}.
 */
public record MigrateConfig(DataSource dataSource, List<String> locations, Path scriptDirectory,
                            ClassLoader classLoader, RuntimeSettings runtime, List<JavaMigration> javaMigrations,
                            List<ModelSource> models, AutogenerateSettings autogenerate, DatabaseSettings database,
                            List<Path> versionPaths) {

    public MigrateConfig(DataSource dataSource, List<String> locations, Path scriptDirectory, ClassLoader classLoader,
                         RuntimeSettings runtime, List<JavaMigration> javaMigrations, List<ModelSource> models,
                         AutogenerateSettings autogenerate, DatabaseSettings database) {
        this(dataSource, locations, scriptDirectory, classLoader, runtime, javaMigrations, models, autogenerate, database,
                List.of());
    }

    public static final String DEFAULT_LOCATION = "classpath:db/migrations";

    /**
     * What a version or log table name may be, said by every message that rejects one. Plain identifiers only,
     * so that the name means the same unquoted on every database; 63 is PostgreSQL's limit.
     */
    public static final String TABLE_NAME_RULE = "use [schema.]name, each part a letter or _ followed by letters, "
            + "digits, _ or $, at most 63 characters";

    private static final Pattern TABLE_NAME =
            Pattern.compile("(?:[A-Za-z_][A-Za-z0-9_$]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_$]{0,62}");

    public MigrateConfig {
        locations = List.copyOf(locations);
        javaMigrations = List.copyOf(javaMigrations);
        models = List.copyOf(models);
        versionPaths = versionPaths == null ? List.of() : List.copyOf(versionPaths);
        autogenerate = autogenerate == null ? AutogenerateSettings.defaults() : autogenerate;
        database = database == null ? DatabaseSettings.unknown() : database;
        Objects.requireNonNull(runtime, "runtime");
        if (classLoader == null) {
            classLoader = Thread.currentThread().getContextClassLoader();
        }
    }

    /**
     * This configuration reading its locations only (the scripts packaged with the application), with no script
     * directory: what a running application migrates with, whatever working tree it was started in. Itself when
     * the script directory does not exist (the locations are read anyway) or there are no locations (the script
     * directory is then the only source).
     */
    public MigrateConfig withPackagedScriptsOnly() {
        // A {vendor} directory may exist once resolved: drop it whatever the unresolved path says.
        if (scriptDirectory == null || locations.isEmpty()
                || (!VendorPlaceholder.in(scriptDirectory) && !java.nio.file.Files.isDirectory(scriptDirectory))) {
            return this;
        }
        return new MigrateConfig(dataSource, locations, null, classLoader, runtime, javaMigrations, models,
                autogenerate, database);
    }

    /**
     * This configuration on another database, every other setting kept: the same scripts applied to each database or
     * schema of a fleet ({@code dev.migrate.fleet}).
     */
    public MigrateConfig withDataSource(DataSource other) {
        return new MigrateConfig(other, locations, scriptDirectory, classLoader, runtime, javaMigrations, models,
                autogenerate, database, versionPaths);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A configured version or log table name ({@code role} says which), checked when the configuration is
     * built: a malformed name would otherwise fail later as SQL, far from the setting that caused it.
     */
    public static TableName engineTableName(String role, String name) {
        if (name == null || !TABLE_NAME.matcher(name).matches()) {
            throw new MigrateException("Invalid " + role + " name \"" + name + "\": " + TABLE_NAME_RULE);
        }
        return TableName.parse(name);
    }

    /** A fluent way to build the record, every setting defaulted as the documentation says. */
    public static final class Builder {
        private DataSource dataSource;
        private final List<String> locations = new ArrayList<>();
        private Path scriptDirectory;
        private ClassLoader classLoader;
        private RuntimeSettings runtime = RuntimeSettings.defaults();
        private final List<JavaMigration> javaMigrations = new ArrayList<>();
        private final List<ModelSource> models = new ArrayList<>();
        private AutogenerateSettings autogenerate = AutogenerateSettings.defaults();
        private String dialect;
        private String databaseUrl;
        private String databaseUser;
        private String sqlMode;
        private final List<Path> versionPaths = new ArrayList<>();

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder location(String location) {
            locations.add(location);
            return this;
        }

        public Builder scriptDirectory(Path directory) {
            this.scriptDirectory = directory;
            return this;
        }

        /** Another script directory the commands read, which {@code revision --version-path} may write to. */
        public Builder versionPath(Path directory) {
            versionPaths.add(directory);
            return this;
        }

        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        public Builder versionTable(String table) {
            runtime = runtime.withVersionTable(engineTableName("version table", table));
            return this;
        }

        public Builder logTable(String table) {
            runtime = runtime.withLogTable(engineTableName("log table", table));
            return this;
        }

        public Builder transactionPerMigration(boolean value) {
            runtime = runtime.withTransactionPerMigration(value);
            return this;
        }

        public Builder lock(boolean enabled, Duration timeout) {
            runtime = runtime.withLock(enabled, timeout);
            return this;
        }

        /** Whether upgrades refuse to run when an applied revision's script changed since it ran (default true). */
        public Builder validateOnMigrate(boolean value) {
            runtime = runtime.withValidateOnMigrate(value);
            return this;
        }

        /** A value for {@code ${key}} in scripts, and for Java migrations' {@code parameters()}. */
        public Builder parameter(String key, String value) {
            runtime = runtime.withArguments(runtime.arguments().with(java.util.Map.of(key, value)));
            return this;
        }

        /**
         * A hook called around each {@code upgrade}/{@code downgrade} run and each of its revisions, after those already
         * registered; see {@link MigrationCallback}.
         */
        public Builder callback(MigrationCallback callback) {
            runtime = runtime.withCallback(callback);
            return this;
        }

        public Builder javaMigration(JavaMigration migration) {
            javaMigrations.add(migration);
            return this;
        }

        /** A source of the models that {@code migrate} and {@code check} compare with the database. */
        public Builder model(ModelSource source) {
            models.add(source);
            return this;
        }

        public Builder autogenerate(AutogenerateSettings settings) {
            this.autogenerate = settings;
            return this;
        }

        /** The dialect's name ({@code sqlite}, {@code postgresql}), for offline SQL when the URL does not tell. */
        public Builder dialect(String name) {
            this.dialect = name;
            return this;
        }

        /**
         * The JDBC URL the data source connects to; never connected to here, only read: offline SQL takes its
         * dialect from it, {@code current --verbose} shows it (without a password).
         */
        public Builder databaseUrl(String url) {
            this.databaseUrl = url;
            return this;
        }

        /** The user the data source connects as; offline SQL writes it into the log rows. */
        public Builder databaseUser(String user) {
            this.databaseUser = user;
            return this;
        }

        /**
         * The {@code sql_mode} of the MariaDB/MySQL session that offline SQL will run in, where it differs from the
         * server's default: with {@code NO_BACKSLASH_ESCAPES} a backslash is an ordinary character in the scripts'
         * strings, with {@code ANSI_QUOTES} double quotes name identifiers. Online runs read the session's own mode.
         */
        public Builder sqlMode(String mode) {
            this.sqlMode = mode;
            return this;
        }

        public MigrateConfig build() {
            List<String> chosen = locations.isEmpty() && scriptDirectory == null ? List.of(DEFAULT_LOCATION) : locations;
            return new MigrateConfig(dataSource, chosen, scriptDirectory, classLoader, runtime, javaMigrations, models,
                    autogenerate, new DatabaseSettings(dialect, databaseUrl, databaseUser, sqlMode), versionPaths);
        }
    }
}
