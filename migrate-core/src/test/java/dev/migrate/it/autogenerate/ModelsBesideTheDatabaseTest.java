package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.ModelException;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.migrate.it.autogenerate.StoreItems.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code db check} and {@code db migrate} read the models on a thread of their own while the caller's thread reads the
 * database, and still answer as when they did one after the other: the same differences, the models' failure first,
 * each model source asked once, with the caller's context class loader.
 */
class ModelsBesideTheDatabaseTest {

    /** A bound, not a measure: how long a model source waits for the database's connection before giving up. */
    private static final long PATIENCE_SECONDS = 30;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theModelsAreReadWhileTheDatabaseIsReadOnceAndWithTheCallersClassLoader(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate written = journey.engine(with(StoreItems.Items1.class));
        written.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER);
        written.upgrade("head");

        CountDownLatch connected = new CountDownLatch(1);
        DataSource announcing = Connections.of(db.dataSource(), Integer.MAX_VALUE, connected::countDown);
        ModelSource store = ModelSource.annotated(with(StoreItems.Items1.class));
        List<String> seen = new CopyOnWriteArrayList<>();
        ModelSource waiting = () -> {
            try {
                seen.add(connected.await(PATIENCE_SECONDS, TimeUnit.SECONDS) ? "read while connected" : "read alone");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.add(Thread.currentThread().getContextClassLoader().getName());
            return store.schema();
        };
        Thread caller = Thread.currentThread();
        ClassLoader before = caller.getContextClassLoader();
        try (URLClassLoader callers = new URLClassLoader("the caller's", new URL[0], before)) {
            caller.setContextClassLoader(callers);
            assertThat(new Journey(db, announcing, tmp).engine(waiting).check().lines())
                    .containsExactly("No new upgrade operations detected.");
        } finally {
            caller.setContextClassLoader(before);
        }
        assertThat(seen).containsExactly("read while connected", "the caller's");
    }

    /**
     * A model source may itself take a connection from the migrations' DataSource (the Spring layer's entity settings
     * ask the database its version): on a pool of one connection it gets it once the database is read, not never.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aModelSourceThatConnectsItselfGetsItsTurnOnAPoolOfOneConnection(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate written = journey.engine(with(StoreItems.Items1.class));
        written.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER);
        written.upgrade("head");

        DataSource poolOfOne = Connections.of(db.dataSource(), 1, () -> { });
        AtomicInteger calls = new AtomicInteger();
        ModelSource store = ModelSource.annotated(with(StoreItems.Items1.class));
        ModelSource connecting = () -> {
            calls.incrementAndGet();
            try (Connection connection = poolOfOne.getConnection()) {
                connection.getMetaData().getDatabaseProductVersion();
            } catch (SQLException e) {
                throw new ModelException("the model source could not connect: " + e.getMessage());
            }
            return store.schema();
        };
        Migrate engine = new Journey(db, poolOfOne, tmp).engine(connecting);
        assertThat(engine.check().upToDate()).isTrue();
        assertThat(engine.migrate(RevisionRequest.withMessage("nothing"), RenameDecider.NEVER).wroteScript()).isFalse();
        assertThat(calls).as("the model source asked once per command").hasValue(2);
    }

    @Test
    void theModelsFailureIsWhatTheUserSeesWhateverTheDatabaseDid() throws Exception {
        TestDatabase db = Kind.SQLITE.create(tmp);
        DataSource unreachable = TestDatabase.sqlite(tmp.resolve("no-such-directory/test.db")).dataSource();
        AtomicInteger calls = new AtomicInteger();
        ModelSource broken = () -> {
            calls.incrementAndGet();
            throw new ModelException("entity Pet: no identifier; give it an @Id");
        };

        Journey down = new Journey(db, unreachable, tmp);
        assertThatThrownBy(() -> down.engine(broken).check()).isInstanceOf(MigrateException.class)
                .hasMessageContaining("entity Pet: no identifier");
        assertThat(calls).hasValue(1);
        assertThatThrownBy(() -> down.engine(ModelSource.tables(List.of())).migrate(RevisionRequest.withMessage("x"),
                RenameDecider.NEVER)).isInstanceOf(MigrateException.class).hasMessageContaining("declare no tables");
        // the database's own failure when the models are fine, as before
        assertThatThrownBy(() -> down.engine(with(StoreItems.Items1.class)).check())
                .isInstanceOf(MigrateException.class).hasMessageNotContaining("models");

        // a database behind its scripts: the models' failure still comes first, else "not up to date"
        Journey behind = new Journey(db, tmp);
        Migrate written = behind.engine(with(StoreItems.Items1.class));
        written.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER);
        assertThatThrownBy(() -> behind.engine(broken).check()).isInstanceOf(MigrateException.class)
                .hasMessageContaining("entity Pet: no identifier");
        assertThatThrownBy(() -> behind.engine(with(StoreItems.Items1.class)).check())
                .isInstanceOf(MigrateException.class).hasMessageContaining("Target database is not up to date");
    }

    /**
     * A real database's connections, handed out at most {@code size} at a time (waiting for one, as a pool does, and
     * failing after a while), each announced when taken; everything else is the database's own.
     */
    private static final class Connections {

        static DataSource of(DataSource database, int size, Runnable taken) {
            Semaphore free = new Semaphore(size);
            return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                    (proxy, method, arguments) -> {
                        if (!method.getName().equals("getConnection")) {
                            return invoke(method, database, arguments);
                        }
                        if (!free.tryAcquire(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                            throw new SQLException("no connection free in the pool after " + PATIENCE_SECONDS + " s");
                        }
                        Connection connection;
                        try {
                            connection = (Connection) invoke(method, database, arguments);
                        } catch (Throwable e) {
                            free.release();
                            throw e;
                        }
                        taken.run();
                        return givenBackOnClose(connection, free);
                    });
        }

        private static Connection givenBackOnClose(Connection connection, Semaphore free) {
            AtomicBoolean given = new AtomicBoolean();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("close") && given.compareAndSet(false, true)) {
                            free.release();
                        }
                        return invoke(method, connection, arguments);
                    });
        }

        private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
            try {
                return method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
