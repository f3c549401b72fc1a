package dev.migrate.autoconfigure;

import com.jayway.jsonpath.JsonPath;
import dev.migrate.command.AutogenerateSettings;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.runtime.RuntimeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MigratePropertiesTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreTheEnginesDefaults() {
        MigrateProperties properties = new MigrateProperties();
        RuntimeSettings engine = RuntimeSettings.defaults();
        assertThat(properties.getVersionTable()).isEqualTo(engine.versionTable().toString())
                .isEqualTo(RuntimeSettings.DEFAULT_VERSION_TABLE);
        assertThat(properties.getLogTable()).isEqualTo(engine.logTable().toString())
                .isEqualTo(RuntimeSettings.DEFAULT_LOG_TABLE);
        assertThat(properties.isTransactionPerMigration()).isEqualTo(engine.transactionPerMigration());
        assertThat(properties.isLockEnabled()).isEqualTo(engine.lockEnabled());
        assertThat(properties.getLockTimeout()).isEqualTo(engine.lockTimeout());
        assertThat(properties.isValidateOnMigrate()).isEqualTo(engine.validateOnMigrate()).isTrue();
        assertThat(properties.getLocations()).containsExactly(MigrateConfig.DEFAULT_LOCATION);
        assertThat(properties.isEnabled()).isTrue();
        assertThat(properties.getOnStartup()).isEqualTo(MigrateProperties.OnStartup.UPGRADE);
        assertThat(properties.isKeepLibraryTables()).isEqualTo(AutogenerateSettings.defaults().keepLibraryTables())
                .isTrue();
        assertThat(properties.isKeepUnownedTables()).isEqualTo(AutogenerateSettings.defaults().keepUnownedTables());
    }

    @Test
    void keepLibraryTablesReachesTheEngine() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + SqliteFiles.url(dir.resolve("app.db")),
                        "migrate.on-startup=none");
        runner.run(context -> assertThat(context.getBean(Migrate.class).config().autogenerate().keepLibraryTables())
                .isTrue());
        runner.withPropertyValues("migrate.keep-library-tables=false").run(context ->
                assertThat(context.getBean(Migrate.class).config().autogenerate().keepLibraryTables()).isFalse());
    }

    @Test
    void theEngineTheAutoConfigurationBuildsWithDefaultPropertiesHasTheEnginesDefaultSettings() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + SqliteFiles.url(dir.resolve("app.db")),
                        "migrate.on-startup=none")
                .run(context -> {
                    MigrateConfig config = context.getBean(Migrate.class).config();
                    assertThat(config.runtime()).isEqualTo(RuntimeSettings.defaults());
                    assertThat(config.locations()).containsExactly(MigrateConfig.DEFAULT_LOCATION);
                    assertThat(config.scriptDirectory()).isEqualTo(Path.of("src/main/resources/db/migrations"));
                });
    }

    @Test
    void everyPropertyIsDocumentedInTheConfigurationMetadata() throws IOException {
        String json = ourMetadata();
        // The endpoint's own management.endpoint.migrations.* entries are Boot's, generated for every endpoint.
        List<Map<String, Object>> properties = JsonPath.<List<Map<String, Object>>>read(json, "$.properties[*]").stream()
                .filter(p -> ((String) p.get("name")).startsWith("migrate.")).toList();
        List<String> names = properties.stream().map(p -> (String) p.get("name")).toList();
        assertThat(names)
                .contains("migrate.enabled", "migrate.on-startup", "migrate.target", "migrate.locations",
                        "migrate.script-directory", "migrate.version-table", "migrate.log-table",
                        "migrate.transaction-per-migration", "migrate.lock-enabled", "migrate.lock-timeout",
                        "migrate.url", "migrate.user", "migrate.password", "migrate.model-packages",
                        "migrate.validate-on-migrate", "migrate.keep-library-tables", "migrate.keep-unowned-tables");
        assertThat(properties).allSatisfy(property -> assertThat((String) property.get("description"))
                .as("description of %s", property.get("name"))
                .isNotBlank()
                .doesNotContain("{@")
                .endsWith("."));
    }

    @Test
    void theMetadataRecordsTheDefaults() throws IOException {
        String json = ourMetadata();
        assertThat(defaultOf(json, "migrate.version-table")).isEqualTo(RuntimeSettings.DEFAULT_VERSION_TABLE);
        assertThat(defaultOf(json, "migrate.log-table")).isEqualTo(RuntimeSettings.DEFAULT_LOG_TABLE);
        assertThat(defaultOf(json, "migrate.lock-timeout")).isEqualTo("10m");
        assertThat(defaultOf(json, "migrate.on-startup")).isEqualTo("upgrade");
        assertThat(defaultOf(json, "migrate.target")).isEqualTo("heads");
        assertThat(defaultOf(json, "migrate.locations")).isEqualTo(List.of(MigrateConfig.DEFAULT_LOCATION));
        List<String> startupValues = JsonPath.read(json, "$.hints[?(@.name == 'migrate.on-startup')].values[*].value");
        assertThat(startupValues).containsExactlyInAnyOrder("upgrade", "validate", "none");
    }

    private static Object defaultOf(String json, String name) {
        List<Object> values = JsonPath.read(json, "$.properties[?(@.name == '" + name + "')].defaultValue");
        assertThat(values).as("defaultValue of %s", name).hasSize(1);
        return values.get(0);
    }

    /** This module's file: every Boot jar on the class path has one of the same name. */
    private static String ourMetadata() throws IOException {
        List<String> ours = new ArrayList<>();
        for (URL url : Collections.list(MigratePropertiesTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (json.contains(MigrateProperties.class.getName())) {
                    ours.add(json);
                }
            }
        }
        assertThat(ours).as("spring-configuration-metadata.json generated for MigrateProperties").hasSize(1);
        return ours.get(0);
    }
}
