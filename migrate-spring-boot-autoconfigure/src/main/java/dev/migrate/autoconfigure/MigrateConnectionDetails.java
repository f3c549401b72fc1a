package dev.migrate.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * The connection the migration engine opens itself instead of borrowing the application's DataSource, as Boot's
 * {@code FlywayConnectionDetails}: built from {@code migrate.url}/{@code migrate.user}/{@code migrate.password}
 * ({@link PropertiesMigrateConnectionDetails}), from Boot's {@code JdbcConnectionDetails} with the migration's own
 * credentials ({@link JdbcMigrateConnectionDetails}: Testcontainers {@code @ServiceConnection}, Docker Compose), or
 * declared as a bean. A null URL with a user means "the application's DataSource, as this user": the connection is
 * then derived from that DataSource.
 */
public interface MigrateConnectionDetails extends ConnectionDetails {

    /** The JDBC URL, or null to derive the connection from the application's DataSource. */
    String getJdbcUrl();

    /** The login user, or null for the URL's or the DataSource's own. */
    String getUsername();

    /** The login password, or null for the DataSource's own. */
    String getPassword();

    /** The driver class, by default the one Boot knows for the URL; null when there is no URL. */
    default String getDriverClassName() {
        String url = getJdbcUrl();
        return url == null ? null : DatabaseDriver.fromJdbcUrl(url).getDriverClassName();
    }
}
