package dev.migrate.command;

import dev.migrate.dialect.TableName;
import dev.migrate.runtime.RuntimeSettings;
import dev.migrate.schema.ModelSource;
import dev.migrate.script.JavaMigration;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the commands need: the database, where scripts are read from ({@code locations}, e.g.
 * {@code classpath:db/migrations}) and written to ({@code scriptDirectory}, a source directory on disk;
 * when it exists it is also where scripts are read from, so a revision just written is seen at once),
 * the runtime settings, the Java migrations, and the model sources that autogenerate compares with the
 * database.
 */
public record MigrateConfig(DataSource dataSource, List<String> locations, Path scriptDirectory,
                            ClassLoader classLoader, RuntimeSettings runtime, List<JavaMigration> javaMigrations,
                            List<ModelSource> models, AutogenerateSettings autogenerate) {

    public static final String DEFAULT_LOCATION = "classpath:db/migrations";

    public MigrateConfig {
        locations = List.copyOf(locations);
        javaMigrations = List.copyOf(javaMigrations);
        models = List.copyOf(models);
        autogenerate = autogenerate == null ? AutogenerateSettings.defaults() : autogenerate;
        Objects.requireNonNull(runtime, "runtime");
        if (classLoader == null) {
            classLoader = Thread.currentThread().getContextClassLoader();
        }
    }

    public static Builder builder() {
        return new Builder();
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

        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        public Builder versionTable(String table) {
            runtime = runtime.withVersionTable(TableName.parse(table));
            return this;
        }

        public Builder logTable(String table) {
            runtime = runtime.withLogTable(TableName.parse(table));
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

        public MigrateConfig build() {
            List<String> chosen = locations.isEmpty() && scriptDirectory == null ? List.of(DEFAULT_LOCATION) : locations;
            return new MigrateConfig(dataSource, chosen, scriptDirectory, classLoader, runtime, javaMigrations, models,
                    autogenerate);
        }
    }
}
