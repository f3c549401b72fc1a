package dev.migrate.test;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.schema.ModelSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;

/**
 * The smallest Spring context the extension serves: a {@code Migrate} bean over a fresh SQLite file, the scripts of
 * the classpath location {@code kit.location} names, and the models of {@link MigrationChecksTest}.
 */
@Configuration
class SqliteKitApp {

    @Bean
    Migrate migrate(@Value("${kit.location}") String location) throws IOException {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + Files.createTempDirectory("kit").resolve("app.db"));
        return new Migrate(MigrateConfig.builder().dataSource(dataSource).dialect("sqlite").location(location)
                .model(ModelSource.annotated(MigrationChecksTest.Users.class, MigrationChecksTest.Orders.class))
                .build());
    }
}
