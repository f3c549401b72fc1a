package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.AutogenerateSettings;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.ScriptFiles;
import dev.migrate.it.TestDatabase;
import dev.migrate.reflect.ReflectOptions;
import dev.migrate.reflect.SchemaReader;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.Schema;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One developer's session: a real database, a script directory, and the models of the moment. Each
 * {@link #migrate} builds the facade over the models given, as an application restarted with changed
 * model classes would.
 */
final class Journey {

    final TestDatabase db;
    final DataSource dataSource;
    final ScriptFiles files;
    AutogenerateSettings settings = AutogenerateSettings.defaults();

    Journey(TestDatabase db, Path directory) {
        this(db, db.dataSource(), directory);
    }

    Journey(TestDatabase db, DataSource dataSource, Path directory) {
        this.db = db;
        this.dataSource = dataSource;
        this.files = new ScriptFiles(directory.resolve("migrations"));
    }

    boolean sqlite() {
        return db.kind().equals("sqlite");
    }

    Migrate engine(ModelSource... models) {
        MigrateConfig.Builder builder = MigrateConfig.builder().dataSource(dataSource).scriptDirectory(files.directory())
                .dialect(db.kind()).autogenerate(settings);
        for (ModelSource model : models) {
            builder.model(model);
        }
        return new Migrate(builder.build());
    }

    Migrate engine(Class<?>... models) {
        return engine(ModelSource.annotated(models));
    }

    AutogenerateResult migrate(String message, RenameDecider renames, Class<?>... models) {
        return engine(models).migrate(RevisionRequest.withMessage(message), renames);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Schema reflect() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return SchemaReader.forConnection(connection).read(connection,
                    ReflectOptions.defaults().excluding("alembic_version", "migrate_log", "alembic_version_lock"));
        }
    }

    /**
     * The generated script's round trip: upgrade, then {@code check()} finds nothing; downgrade one step and
     * upgrade again gives the same reflected schema and the same catalog dump.
     */
    void upgradeAndRoundTrip(Migrate engine, AutogenerateResult result) throws SQLException {
        assertThat(result.wroteScript()).as("a script was written").isTrue();
        engine.upgrade("head");
        assertThat(engine.check().lines()).as("check right after the upgrade of " + result.script().path())
                .containsExactly("No new upgrade operations detected.");
        Schema reflected = reflect();
        List<String> dump = db.schema();
        engine.downgrade("-1");
        assertThat(engine.current(false).revisions()).as("current after downgrade")
                .isEqualTo(result.script().revises());
        engine.upgrade("head");
        assertThat(reflect()).as("reflected schema after downgrade and upgrade").isEqualTo(reflected);
        assertThat(db.schema()).as("catalog dump after downgrade and upgrade").isEqualTo(dump);
        assertThat(engine.check().upToDate()).isTrue();
    }

    String head(Migrate engine) {
        List<String> heads = engine.current(false).revisions();
        assertThat(heads).hasSize(1);
        return heads.get(0);
    }
}
