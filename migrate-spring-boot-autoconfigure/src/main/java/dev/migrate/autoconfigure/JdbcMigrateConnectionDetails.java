package dev.migrate.autoconfigure;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The application's database as Boot's {@link JdbcConnectionDetails} says where it is (from spring.datasource.*,
 * Testcontainers' {@code @ServiceConnection} or Docker Compose), logged into with {@code migrate.user} and
 * {@code migrate.password} where they are set: a schema owner runs the DDL while the application connects with
 * fewer rights.
 */
final class JdbcMigrateConnectionDetails implements MigrateConnectionDetails {

    private final JdbcConnectionDetails application;
    private final String user;
    private final String password;

    JdbcMigrateConnectionDetails(JdbcConnectionDetails application, String user, String password) {
        this.application = application;
        this.user = user;
        this.password = password;
    }

    @Override
    public String getJdbcUrl() {
        return application.getJdbcUrl();
    }

    @Override
    public String getUsername() {
        return user != null ? user : application.getUsername();
    }

    @Override
    public String getPassword() {
        // the application's password unless the migration has its own, as spring.datasource.password was before
        return password != null ? password : application.getPassword();
    }

    @Override
    public String getDriverClassName() {
        return application.getDriverClassName();
    }
}
