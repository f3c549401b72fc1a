package dev.migrate.fleet;

import dev.migrate.dialect.Dialect;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * One tenant's view of a shared database (schema-per-tenant): every connection it hands out has {@code schema} as its
 * current schema ({@link Connection#setSchema}; on PostgreSQL the search path), so that the engine's version and log
 * tables, its lock (PostgreSQL's advisory lock is keyed by the current schema) and a script's unqualified DDL are the
 * tenant's. A connection gets its earlier schema back when it is closed, since a pool hands it to other users next.
 */
public final class SchemaScopedDataSource implements DataSource {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(SchemaScopedDataSource.class);

    private final DataSource shared;
    private final String schema;

    public SchemaScopedDataSource(DataSource shared, String schema) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    public String schema() {
        return schema;
    }

    /** The database all tenants share, whose connections this one scopes. */
    public DataSource shared() {
        return shared;
    }

    /**
     * Creates the schema unless it exists (a new tenant), on a connection of the shared database; true when it created
     * it. Another run creating it at the same moment is not a failure.
     */
    public boolean createSchemaIfMissing() throws SQLException {
        try (Connection connection = shared.getConnection()) {
            if (exists(connection)) {
                return false;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + Dialect.of(connection).quote(schema));
                log.info("Created schema {}", schema);
                return true;
            } catch (SQLException e) {
                if (exists(connection)) {
                    return false;
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private boolean exists(Connection connection) throws SQLException {
        // Asked for this schema only (its name as a pattern, wildcards escaped): a fleet of N tenants must not read the
        // catalog's N schemas once per tenant at every start.
        DatabaseMetaData metaData = connection.getMetaData();
        String escape = metaData.getSearchStringEscape();
        String pattern = escape == null || escape.isEmpty() ? schema
                : schema.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
        try (ResultSet schemas = metaData.getSchemas(null, pattern)) {
            while (schemas.next()) {
                if (schema.equals(schemas.getString("TABLE_SCHEM"))) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(shared.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(shared.getConnection(username, password));
    }

    private Connection scoped(Connection connection) throws SQLException {
        try {
            String earlier = connection.getSchema();
            connection.setSchema(schema);
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, new RestoringSchema(connection, earlier));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Forwards every call to the connection, and puts its earlier schema back before closing it. */
    private record RestoringSchema(Connection connection, String earlier) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] arguments) throws Throwable {
            if (method.getName().equals("close") && method.getParameterCount() == 0 && !connection.isClosed()) {
                try {
                    if (earlier != null) {
                        connection.setSchema(earlier);
                    }
                } catch (SQLException e) {
                    log.debug("Could not put the connection's schema back to {}", earlier, e);
                }
            }
            try {
                return method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return shared.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        shared.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        shared.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return shared.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return shared.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : shared.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || shared.isWrapperFor(type);
    }

    @Override
    public String toString() {
        return "schema " + schema + " of " + shared;
    }
}
