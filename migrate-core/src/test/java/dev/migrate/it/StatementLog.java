package dev.migrate.it;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real DataSource seen through a proxy that writes down what the engine asks of the database: the connections
 * it opens, the SQL of every statement it executes (prepared or not) and the metadata calls that run a query.
 * Nothing is answered by the proxy itself: every call reaches the real driver.
 */
final class StatementLog {

    private final DataSource proxy;
    private final List<String> statements = new ArrayList<>();
    private int connections;

    StatementLog(DataSource target) {
        this.proxy = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (p, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection connection) {
                        connections++;
                        return connection(connection);
                    }
                    return result;
                });
    }

    DataSource dataSource() {
        return proxy;
    }

    /** The SQL of each statement executed, in order, blanks collapsed; a metadata query as {@code metadata: name}. */
    List<String> statements() {
        return List.copyOf(statements);
    }

    int connections() {
        return connections;
    }

    private Connection connection(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (p, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (result instanceof PreparedStatement statement) {
                        return statement(statement, PreparedStatement.class, (String) args[0]);
                    }
                    if (result instanceof Statement statement) {
                        return statement(statement, Statement.class, null);
                    }
                    if (result instanceof DatabaseMetaData metaData) {
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
                                (q, m, a) -> {
                                    Object r = invoke(metaData, m, a);
                                    if (r instanceof ResultSet) {
                                        statements.add("metadata: " + m.getName());
                                    }
                                    return r;
                                });
                    }
                    return result;
                });
    }

    private Object statement(Statement statement, Class<? extends Statement> type, String prepared) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (method.getName().startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : prepared;
                statements.add(sql.replaceAll("\\s+", " ").strip());
            }
            return invoke(statement, method, args);
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
