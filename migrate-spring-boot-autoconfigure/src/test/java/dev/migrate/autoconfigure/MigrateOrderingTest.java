package dev.migrate.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;

import static dev.migrate.autoconfigure.SqliteFiles.TEST_LOCATION;
import static dev.migrate.autoconfigure.SqliteFiles.url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beans that read migrated tables while they are created start after the migration: the
 * {@link MigrateDatabaseInitializerDetector} (listed in META-INF/spring.factories) makes Boot's JdbcTemplate
 * and JdbcClient wait for {@link MigrateInitializer}. Checked once by hand: without that entry both tests
 * fail with "no such table: person".
 */
class MigrateOrderingTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
                        MigrateAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url(dir.resolve("app.db")),
                        "migrate.locations=" + TEST_LOCATION, "migrate.script-directory=target/no-such-directory");
    }

    @Test
    void aBeanReadingAMigratedTableThroughJdbcTemplateInItsConstructorStarts() {
        runner().withBean(PersonCountByTemplate.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PersonCountByTemplate.class).count).isEqualTo(1);
        });
    }

    @Test
    void aBeanReadingAMigratedTableThroughJdbcClientInItsConstructorStarts() {
        runner().withBean(PersonCountByClient.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PersonCountByClient.class).count).isEqualTo(1);
        });
    }

    static final class PersonCountByTemplate {
        final int count;

        PersonCountByTemplate(JdbcTemplate jdbc) {
            this.count = jdbc.queryForObject("SELECT count(*) FROM person", Integer.class);
        }
    }

    static final class PersonCountByClient {
        final int count;

        PersonCountByClient(JdbcClient jdbc) {
            this.count = jdbc.sql("SELECT count(*) FROM person").query(Integer.class).single();
        }
    }
}
