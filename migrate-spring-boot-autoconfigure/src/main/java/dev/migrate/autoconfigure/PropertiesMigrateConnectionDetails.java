package dev.migrate.autoconfigure;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@code migrate.url} with {@code migrate.user} and {@code migrate.password}, each falling back to its
 * {@code spring.datasource.*} counterpart. Without {@code migrate.url} the URL is null: the connection is derived
 * from the application's DataSource, whatever configured it.
 */
final class PropertiesMigrateConnectionDetails implements MigrateConnectionDetails {

    private final MigrateProperties properties;
    private final Environment environment;

    PropertiesMigrateConnectionDetails(MigrateProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public String getJdbcUrl() {
        return StringUtils.hasText(properties.getUrl()) ? properties.getUrl() : null;
    }

    @Override
    public String getUsername() {
        return properties.getUser() != null || getJdbcUrl() == null
                ? properties.getUser() : environment.getProperty("spring.datasource.username");
    }

    @Override
    public String getPassword() {
        return properties.getPassword() != null || getJdbcUrl() == null
                ? properties.getPassword() : environment.getProperty("spring.datasource.password");
    }
}
