package dev.migrate.autoconfigure.slice;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @JdbcTest} with Boot's default: the DataSource replaced by an embedded H2 database. The application's
 * migrations run on it before the test, through the H2 dialect.
 */
@JdbcTest
@TestPropertySource(properties = {"migrate.locations=classpath:db/test-migrations",
        "migrate.script-directory=target/no-such-directory"})
class MigrateJdbcTestOnEmbeddedH2Test {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEmbeddedDatabaseIsMigratedBeforeTheTest() {
        assertThat(jdbc.queryForObject("SELECT name FROM person WHERE person_id = 1", String.class)).isEqualTo("Ada");
        assertThat(jdbc.queryForList("SELECT version_num FROM alembic_version", String.class))
                .containsExactly("f6e5d4c3b2a1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM migrate_log WHERE success AND direction <> 'digest'", Integer.class)).isEqualTo(2);
    }
}
