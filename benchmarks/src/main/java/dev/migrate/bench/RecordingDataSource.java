package dev.migrate.bench;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
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
 * A DataSource proxy that counts and records every statement executed through its connections (SQL text and
 * the parameters bound), and counts the {@link DatabaseMetaData} calls that run a query ({@code getTables},
 * {@code getColumns}, ...: they return a ResultSet). {@link #replay} then issues the same statements raw on a
 * plain connection, reading every column of every row: the floor of scenario "autogen".
 */
final class RecordingDataSource {

    /** One executed statement: its SQL and the {@code setXxx} calls that bound its parameters. */
    record Executed(String sql, List<Bind> binds) {
    }

    record Bind(Method method, Object[] args) {
    }

    /** A bound {@link java.sql.Array}, kept by value: the driver's array belongs to the recorded connection. */
    record ArrayValue(String baseType, Object[] elements) {
    }

    private final DataSource target;
    private final DataSource proxy;
    private final List<Executed> executed = new ArrayList<>();
    private int metadataQueries;

    RecordingDataSource(DataSource target) {
        this.target = target;
        this.proxy = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (p, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? wrapConnection(connection) : result;
                });
    }

    DataSource dataSource() {
        return proxy;
    }

    List<Executed> executed() {
        return List.copyOf(executed);
    }

    /** Statements executed plus metadata queries since the last {@link #reset}. */
    int queries() {
        return executed.size() + metadataQueries;
    }

    void reset() {
        executed.clear();
        metadataQueries = 0;
    }

    /** Issues {@code statements} on {@code connection}, reads every row and column; returns the rows read. */
    static long replay(Connection connection, List<Executed> statements) throws Exception {
        long rows = 0;
        for (Executed e : statements) {
            try (PreparedStatement statement = connection.prepareStatement(e.sql())) {
                for (Bind bind : e.binds()) {
                    Object[] args = bind.args().clone();
                    if (args[1] instanceof ArrayValue array) {
                        args[1] = connection.createArrayOf(array.baseType(), array.elements());
                    }
                    bind.method().invoke(statement, args);
                }
                if (statement.execute()) {
                    try (ResultSet result = statement.getResultSet()) {
                        int columns = result.getMetaData().getColumnCount();
                        while (result.next()) {
                            for (int c = 1; c <= columns; c++) {
                                result.getObject(c);
                            }
                            rows++;
                        }
                    }
                }
            }
        }
        return rows;
    }

    private Object wrapConnection(Connection connection) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, method, args) -> {
            Object result = invoke(connection, method, args);
            if (result instanceof PreparedStatement statement) {
                return wrapStatement(statement, PreparedStatement.class, (String) args[0]);
            }
            if (result instanceof Statement statement) {
                return wrapStatement(statement, Statement.class, null);
            }
            if (result instanceof DatabaseMetaData metaData) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
                        (q, m, a) -> {
                            Object r = invoke(metaData, m, a);
                            if (r instanceof ResultSet) {
                                metadataQueries++;
                            }
                            return r;
                        });
            }
            return result;
        });
    }

    private Object wrapStatement(Statement statement, Class<? extends Statement> type, String preparedSql) {
        List<Bind> binds = new ArrayList<>();
        InvocationHandler handler = (p, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                Object[] kept = args.clone();
                if (kept[1] instanceof java.sql.Array array) {
                    kept[1] = new ArrayValue(array.getBaseTypeName(), (Object[]) array.getArray());
                }
                binds.add(new Bind(method, kept));
            } else if (name.startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
                executed.add(new Executed(sql, List.copyOf(binds)));
            }
            return invoke(statement, method, args);
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
