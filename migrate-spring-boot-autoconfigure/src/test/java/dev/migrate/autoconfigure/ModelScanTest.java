package dev.migrate.autoconfigure;

import dev.migrate.autoconfigure.models.ModelsApplication;
import dev.migrate.command.Migrate;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where db migrate finds the models: the configured packages, else the application's, plus ModelSource beans. */
class ModelScanTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + SqliteFiles.url(dir.resolve("app.db")),
                        "migrate.on-startup=none", "migrate.script-directory=target/no-such-directory");
    }

    private static List<String> modelTables(Migrate migrate) {
        return migrate.config().models().stream().map(ModelSource::schema).map(Schema::tables)
                .flatMap(List::stream).map(Table::name).toList();
    }

    @Test
    void theApplicationsPackagesAreScannedByDefault() {
        runner().withUserConfiguration(ModelsApplication.class)
                .run(context -> assertThat(modelTables(context.getBean(Migrate.class))).containsExactly("scanned_note"));
    }

    @Test
    void configuredPackagesReplaceTheDefault() {
        runner().withUserConfiguration(ModelsApplication.class)
                .withPropertyValues("migrate.model-packages=dev.migrate.autoconfigure.nothing.here")
                .run(context -> assertThat(modelTables(context.getBean(Migrate.class))).isEmpty());
        runner().withPropertyValues("migrate.model-packages=dev.migrate.autoconfigure.models")
                .run(context -> assertThat(modelTables(context.getBean(Migrate.class))).containsExactly("scanned_note"));
    }

    @Test
    void modelSourceBeansJoinTheScannedModels() {
        runner().withUserConfiguration(ModelsApplication.class)
                .withBean("extraModels", ModelSource.class, () -> ModelSource.builders(Table.builder("extra")
                        .column(dev.migrate.schema.Column.of("id", dev.migrate.schema.ColumnType.of(
                                dev.migrate.schema.GenericType.INTEGER)).notNull())
                        .primaryKey("pk_extra", "id")))
                .run(context -> assertThat(modelTables(context.getBean(Migrate.class)))
                        .containsExactlyInAnyOrder("scanned_note", "extra"));
    }
}
