package dev.migrate.autoconfigure.slice;

import org.springframework.boot.SpringBootConfiguration;

/** The configuration that {@code @JdbcTest} looks for; in its own package so that no other test finds it. */
@SpringBootConfiguration
class SliceTestApplication {
}
