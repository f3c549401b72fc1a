package dev.migrate.reflect;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a real connection and counts the statements executed through it. */
final class CountingConnection {

    private final AtomicInteger executions = new AtomicInteger();
    private final Connection connection;

    CountingConnection(Connection delegate) {
        connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                handler(delegate, true));
    }

    Connection connection() {
        return connection;
    }

    int executions() {
        return executions.get();
    }

    private InvocationHandler handler(Object target, boolean isConnection) {
        return (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (isConnection && result instanceof PreparedStatement statement) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{PreparedStatement.class},
                        handler(statement, false));
            }
            if (isConnection && result instanceof Statement statement) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Statement.class},
                        handler(statement, false));
            }
            if (!isConnection && method.getName().startsWith("execute")) {
                executions.incrementAndGet();
            }
            return result;
        };
    }
}
