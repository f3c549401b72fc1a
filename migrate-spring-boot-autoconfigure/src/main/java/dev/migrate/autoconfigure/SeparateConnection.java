package dev.migrate.autoconfigure;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import java.util.Optional;

/**
 * A connection of the engine's own, as Boot's Flyway support makes one: {@code migrate.url} with
 * {@code migrate.user} and {@code migrate.password}, each falling back to its {@code spring.datasource.*}
 * counterpart. Setting only a user or password migrates the application's URL under other credentials
 * (a schema owner for DDL, while the application connects as a user with fewer rights).
 */
record SeparateConnection(String url, String user, String password) {

    /** The connection the properties ask for, or empty when the engine uses a DataSource bean. */
    static Optional<SeparateConnection> of(MigrateProperties properties, Environment environment) {
        boolean credentials = StringUtils.hasText(properties.getUser()) || StringUtils.hasText(properties.getPassword());
        if (!StringUtils.hasText(properties.getUrl()) && !credentials) {
            return Optional.empty();
        }
        String url = StringUtils.hasText(properties.getUrl())
                ? properties.getUrl() : environment.getProperty("spring.datasource.url");
        if (!StringUtils.hasText(url)) {
            throw new IllegalStateException("migrate.user or migrate.password is set, but there is no URL to use it with:"
                    + " set migrate.url (or spring.datasource.url), or remove them to migrate the application's DataSource"
                    + " with its own credentials");
        }
        return Optional.of(new SeparateConnection(url,
                fallback(properties.getUser(), environment.getProperty("spring.datasource.username")),
                fallback(properties.getPassword(), environment.getProperty("spring.datasource.password"))));
    }

    private static String fallback(String own, String application) {
        return own != null ? own : application;
    }
}
