package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import dev.migrate.command.RevisionRequest;
import dev.migrate.command.RevisionResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where {@code db revision} writes: the {@code {vendor}} folder, or another configured directory (--version-path). */
class NewScriptLocationsTest {

    @TempDir
    Path tmp;

    private Migrate engine(TestDatabase db, Path root) {
        // Neither a dialect nor a URL: {vendor} is what the database says it is.
        return new Migrate(MigrateConfig.builder().dataSource(db.dataSource())
                .scriptDirectory(Path.of(root + "/{vendor}")).versionPath(root.resolve("shared")).build());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRevisionGoesToTheFolderOfTheDatabaseBeingMigrated(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Path root = tmp.resolve("migrations");
        Files.createDirectories(root.resolve(db.kind()));
        Migrate migrate = engine(db, root);

        RevisionResult written = migrate.revision(RevisionRequest.withMessage("first").withRevId("aaaa00000001"));

        assertThat(written.path().getParent()).isEqualTo(root.resolve(db.kind()));
        migrate.upgrade("head");
        assertThat(migrate.current(false).revisions()).containsExactly("aaaa00000001");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void versionPathWritesIntoAnotherConfiguredDirectoryOfTheSameGraph(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Path root = tmp.resolve("migrations");
        Files.createDirectories(root.resolve(db.kind()));
        Files.createDirectories(root.resolve("shared"));
        Migrate migrate = engine(db, root);

        RevisionResult shared = migrate.revision(RevisionRequest.withMessage("shared").withRevId("aaaa00000001")
                .withVersionPath(root.resolve("shared").toString()));
        RevisionResult own = migrate.revision(RevisionRequest.withMessage("own").withRevId("bbbb00000002"));

        assertThat(shared.path().getParent()).isEqualTo(root.resolve("shared"));
        assertThat(own.path().getParent()).isEqualTo(root.resolve(db.kind()));
        assertThat(Files.readString(own.path())).contains("-- Revises: aaaa00000001");
        migrate.upgrade("head");
        assertThat(migrate.current(false).revisions()).containsExactly("bbbb00000002");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aVersionPathThatIsNotConfiguredIsOneLineAndWritesNothing(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Path root = tmp.resolve("migrations");
        Files.createDirectories(root.resolve(db.kind()));
        Files.createDirectories(tmp.resolve("elsewhere"));
        Migrate migrate = engine(db, root);

        assertThatThrownBy(() -> migrate.revision(RevisionRequest.withMessage("lost")
                .withVersionPath(tmp.resolve("elsewhere").toString())))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("is not a configured script directory")
                .hasMessageContaining(root.resolve(db.kind()).toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        try (var files = Files.list(tmp.resolve("elsewhere"))) {
            assertThat(files).isEmpty();
        }
    }
}
