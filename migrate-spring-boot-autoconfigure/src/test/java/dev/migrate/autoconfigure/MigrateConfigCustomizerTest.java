package dev.migrate.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import java.nio.file.Path;

import static dev.migrate.autoconfigure.SqliteFiles.TEST_LOCATION;
import static dev.migrate.autoconfigure.SqliteFiles.tables;
import static dev.migrate.autoconfigure.SqliteFiles.url;
import static org.assertj.core.api.Assertions.assertThat;

/** MigrateConfigCustomizer beans adjust the engine after the properties, in their order, before the startup upgrade. */
class MigrateConfigCustomizerTest {

    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        @Order(2)
        MigrateConfigCustomizer last() {
            return config -> config.versionTable("customized_version");
        }

        @Bean
        @Order(1)
        MigrateConfigCustomizer first() {
            return config -> config.versionTable("overridden_by_the_later_one").logTable("customized_log");
        }
    }

    @Test
    void customizersRunAfterThePropertiesInTheirOrder() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
                .withUserConfiguration(Customizers.class)
                .withPropertyValues("spring.datasource.url=" + url(dir.resolve("app.db")), "migrate.locations=" + TEST_LOCATION,
                        "migrate.script-directory=target/no-such-directory", "migrate.version-table=from_properties")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(tables(dir.resolve("app.db"))).contains("customized_version", "customized_log", "person")
                .doesNotContain("from_properties", "overridden_by_the_later_one", "alembic_version");
    }
}
