package dev.migrate.autoconfigure;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;

/** Opens the engine's own connection from its {@link MigrateConnectionDetails}, as Boot's Flyway support does. */
final class MigrationConnection {

    private MigrationConnection() {
    }

    /**
     * A non-pooling DataSource (nothing would close a pool; the engine needs one connection at a time): to the
     * details' URL, or, when they have none, to the application's DataSource's, with the details' credentials.
     */
    static DataSource open(MigrateConnectionDetails details, DataSource application) {
        if (details.getJdbcUrl() != null) {
            DataSourceBuilder<?> builder = DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(details.getJdbcUrl());
            if (details.getDriverClassName() != null) {
                builder.driverClassName(details.getDriverClassName());
            }
            return withCredentials(builder, details).build();
        }
        if (application == null) {
            throw new IllegalStateException(NO_URL + ": set migrate.url (or spring.datasource.url), or remove them to "
                    + "migrate the application's DataSource with its own credentials");
        }
        try {
            return withCredentials(DataSourceBuilder.derivedFrom(application).type(SimpleDriverDataSource.class), details).build();
        } catch (RuntimeException e) {
            // the cause names a property setter: the line that says what to set is the one to end the report with
            IllegalStateException failure = new IllegalStateException(NO_URL + ": the application's DataSource ("
                    + application.getClass().getName() + ") does not tell its URL; set migrate.url (or "
                    + "spring.datasource.url), or remove them to migrate the application's DataSource with its own credentials");
            failure.addSuppressed(e);
            throw failure;
        }
    }

    private static final String NO_URL = "migrate.user or migrate.password is set, but there is no URL to use it with";

    private static DataSourceBuilder<?> withCredentials(DataSourceBuilder<?> builder, MigrateConnectionDetails details) {
        if (details.getUsername() != null) {
            builder.username(details.getUsername());
        }
        if (details.getPassword() != null) {
            builder.password(details.getPassword());
        }
        return builder;
    }
}
