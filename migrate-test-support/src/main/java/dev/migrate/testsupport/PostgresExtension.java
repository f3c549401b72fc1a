package dev.migrate.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5/6 extension that provides the JVM-wide real PostgreSQL server as a {@link PostgresServer}
 * parameter. The server is started on first use (once per JVM) and stopped
 * ({@code pg_ctl -m immediate}) when the root extension context is closed, i.e. at the end of the
 * test run; a JVM shutdown hook stops it otherwise.
 *
 * <p>When the PostgreSQL server binaries are missing, or the server does not start, every test that
 * asks for the server fails (never skips) with a message saying what to install or what the server
 * logged.
 *
 * <p>Use it via {@link PostgresTest} or {@code @ExtendWith(PostgresExtension.class)}.
 */
public class PostgresExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public PostgresServer resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server(extensionContext);
    }

    /**
     * The shared server, registering its shutdown with the root context of {@code context}.
     * For use by other extensions.
     */
    public static PostgresServer server(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(StopAtEndOfRun.class, key -> new StopAtEndOfRun(), StopAtEndOfRun.class);
        try {
            return PostgresServer.shared();
        } catch (PostgresUnavailableException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    /**
     * Kept in the root store; JUnit closes it when the whole test run ends. Implements both
     * {@link AutoCloseable} (what JUnit 6 closes by default) and the deprecated
     * {@code CloseableResource} (in case AutoCloseable support is switched off); stopping is idempotent.
     */
    @SuppressWarnings("deprecation")
    static final class StopAtEndOfRun implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            PostgresServer.stopShared();
        }
    }
}
