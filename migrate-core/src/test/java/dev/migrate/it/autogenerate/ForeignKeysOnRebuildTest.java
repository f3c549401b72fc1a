package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** SQLite with foreign keys enforced: rebuilding a parent table keeps its ON DELETE CASCADE children. */
class ForeignKeysOnRebuildTest {

    @TempDir
    Path tmp;

    @Table(name = "authors")
    record Authors1(@Id Integer id, @Column(length = 50, nullable = false) String name) {
    }

    @Table(name = "authors")
    record Authors2(@Id Integer id, @Column(length = 100, nullable = false) String name) {
    }

    @Table(name = "books")
    record Books(@Id Integer id,
                 @Column(nullable = false) @ForeignKey(table = "authors", column = "id",
                         onDelete = ReferentialAction.CASCADE) Integer authorId,
                 @Column(length = 200, nullable = false) String title) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"config", "url"})
    void parentRebuiltWithEnforcementOffAroundItAndOnAgainAfterwards(String how) throws Exception {
        TestDatabase.Sqlite db = TestDatabase.sqlite(tmp.resolve("fk.db"));
        SQLiteDataSource enforcing;
        if (how.equals("config")) {
            SQLiteConfig config = new SQLiteConfig();
            config.enforceForeignKeys(true);
            enforcing = new SQLiteDataSource(config);
            enforcing.setUrl("jdbc:sqlite:" + db.file());
        } else {
            enforcing = new SQLiteDataSource();
            enforcing.setUrl("jdbc:sqlite:" + db.file() + "?foreign_keys=on");
        }
        try (SharedConnection shared = new SharedConnection(enforcing.getConnection())) {
            assertThat(foreignKeys(shared.connection)).isEqualTo(1);
            Journey journey = new Journey(db, shared, tmp);

            Migrate one = journey.engine(Authors1.class, Books.class);
            AutogenerateResult initial = one.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER);
            journey.upgradeAndRoundTrip(one, initial);
            try (Statement statement = shared.connection.createStatement()) {
                statement.execute("INSERT INTO authors (id, name) VALUES (1, 'Le Guin'), (2, 'Lem')");
                statement.execute("INSERT INTO books (author_id, title) VALUES (1, 'The Dispossessed'), "
                        + "(1, 'The Lathe of Heaven'), (2, 'Solaris')");
            }

            Migrate two = journey.engine(Authors2.class, Books.class);
            AutogenerateResult widened = two.migrate(RevisionRequest.withMessage("longer names"), RenameDecider.NEVER);
            assertThat(widened.detected()).containsExactly(
                    "Detected type change from VARCHAR(50) to VARCHAR(100) on 'authors.name'");
            assertThat(Journey.read(widened.script().path())).contains("-- migrate:foreign-keys-off")
                    .contains("DROP TABLE authors;");


            // Offline, the same script fed to sqlite3 in a session that enforces foreign keys keeps the children too.
            Path copy = tmp.resolve("offline-" + how + ".db");
            java.nio.file.Files.copy(db.file(), copy);
            String offline = two.upgradeSql(initial.script().revision() + ":head");
            assertThat(offline).contains("PRAGMA foreign_keys = OFF;");
            TestDatabase.Sqlite offlineDb = TestDatabase.sqlite(copy);
            assertThat(offlineDb.runScriptWithCli("PRAGMA foreign_keys = ON;\n" + offline)).isEmpty();
            assertThat(offlineDb.queryStrings("SELECT count(*) FROM books")).containsExactly("3");

            journey.upgradeAndRoundTrip(two, widened);

            assertThat(foreignKeys(shared.connection)).as("enforcement on again on the runner's connection").isEqualTo(1);
            assertThat(db.queryStrings("SELECT count(*) FROM books")).containsExactly("3");
            assertThat(db.queryStrings("SELECT count(*) FROM pragma_foreign_key_check")).containsExactly("0");
            try (Statement statement = shared.connection.createStatement()) {
                statement.execute("DELETE FROM authors WHERE id = 1");
            }
            assertThat(db.queryStrings("SELECT title FROM books")).as("the cascade still works").containsExactly("Solaris");
        }
    }

    private static int foreignKeys(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("PRAGMA foreign_keys")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Hands out one connection, whose close() does nothing, so that the test sees the runner's connection state. */
    static final class SharedConnection implements DataSource, AutoCloseable {
        final Connection connection;

        SharedConnection(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
