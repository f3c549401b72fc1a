package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.ModelSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated scripts (table rebuilds included) as offline SQL, run by the database's own client, give the same schema. */
class OfflineGeneratedScriptsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void offlineSqlOfGeneratedScriptsBuildsTheSameSchema(Kind kind) throws Exception {
        TestDatabase online = kind.create(tmp);
        Journey journey = new Journey(online, tmp);
        Migrate one = journey.engine(ModelSource.annotated(ShopModels.CLASSES), ShopModels.shipments());
        one.migrate(RevisionRequest.withMessage("shop"), RenameDecider.NEVER);
        one.upgrade("head");
        Migrate two = journey.engine(ModelSource.annotated(ShopModelsV2.CLASSES), ShopModels.shipments());
        two.migrate(RevisionRequest.withMessage("release two"), RenameDecider.NEVER);
        two.upgrade("head");

        TestDatabase offline = kind == Kind.SQLITE ? TestDatabase.sqlite(tmp.resolve("offline.db")) : TestDatabase.postgres();
        String sql = two.upgradeSql("head");
        assertThat(offline.runScriptWithCli(sql)).isEmpty();
        assertThat(offline.schema()).isEqualTo(online.schema());

        Migrate offlineEngine = new Migrate(MigrateConfig.builder().dataSource(offline.dataSource()).dialect(offline.kind())
                .scriptDirectory(journey.files.directory()).model(ModelSource.annotated(ShopModelsV2.CLASSES))
                .model(ShopModels.shipments()).build());
        assertThat(offlineEngine.check().upToDate()).isTrue();
    }
}
