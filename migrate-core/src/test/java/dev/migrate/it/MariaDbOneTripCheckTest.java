package dev.migrate.it;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import dev.migrate.dialect.mariadb.MariaDbDialect;
import dev.migrate.runtime.RunResult;
import dev.migrate.script.ScriptIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On a MariaDB server the check at head reads the version table's heads and the log's newest row in one round trip
 * that cannot fail when the tables are missing (an anonymous block whose handler takes "no such table"), so a fresh
 * database neither costs a question to {@code information_schema} nor leaves the driver's warning in the log.
 */
class MariaDbOneTripCheckTest {

    private static final String A = "m00000000001";
    private static final String B = "m00000000002";
    private static final String ANONYMOUS_BLOCK = "BEGIN NOT ATOMIC";

    @TempDir
    Path tmp;

    private ScriptFiles files;

    private void scripts() {
        files = new ScriptFiles(tmp.resolve("classes/db/migrations"));
        files.write(A, "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
        files.write(B, A, "two", "CREATE TABLE two (id INTEGER);", "DROP TABLE two;");
    }

    private URLClassLoader packaged() throws Exception {
        ScriptIndex.write(files.directory());
        return new URLClassLoader(new URL[] {ScriptJar.write(files.directory(), tmp).toUri().toURL()}, null);
    }

    private static Migrate engine(DataSource dataSource, ClassLoader loader) {
        return new Migrate(MigrateConfig.builder().dataSource(dataSource).location("classpath:db/migrations")
                .classLoader(loader).build()).withPackagedScripts();
    }

    /** What MariaDB Connector/J logs while {@code action} runs, at WARN or above. */
    private static List<ILoggingEvent> driverWarnings(SqlAction action) throws Exception {
        Logger driver = (Logger) LoggerFactory.getLogger("org.mariadb.jdbc");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        driver.addAppender(events);
        try {
            action.run();
        } finally {
            driver.detachAppender(events);
        }
        return events.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    }

    private interface SqlAction {
        void run() throws Exception;
    }

    @Test
    void aFreshDatabaseIsCheckedInOneQuietRoundTrip() throws Exception {
        TestDatabase db = TestDatabase.mariadb();
        scripts();
        // the capture sees what the driver says of a plain statement on a missing table
        assertThat(driverWarnings(() -> {
            try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT version_num FROM alembic_version");
            } catch (SQLException expected) {
                // the table is not there yet
            }
        })).isNotEmpty();

        StatementLog recorded = new StatementLog(db.dataSource());
        RunResult[] result = new RunResult[1];
        try (URLClassLoader loader = packaged()) {
            assertThat(driverWarnings(() -> result[0] = engine(recorded.dataSource(), loader).upgrade("head"))).isEmpty();
        }

        assertThat(result[0].steps()).hasSize(2);
        assertThat(recorded.statements().get(0)).startsWith(ANONYMOUS_BLOCK).contains("alembic_version", "migrate_log");
        assertThat(recorded.statements().get(1)).doesNotStartWith(ANONYMOUS_BLOCK);
    }

    /** Both drivers serve the dialect; on a MariaDB server both announce it in the product version. */
    enum Driver {
        MARIADB, MYSQL;

        TestDatabase create() {
            return this == MARIADB ? TestDatabase.mariadb() : TestDatabase.mariadbThroughMysqlDriver();
        }
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void atHeadTheCheckIsOneStatement(Driver driver) throws Exception {
        TestDatabase db = driver.create();
        scripts();
        try (URLClassLoader loader = packaged()) {
            engine(db.dataSource(), loader).upgrade("head");
            StatementLog recorded = new StatementLog(db.dataSource());
            RunResult result = engine(recorded.dataSource(), loader).upgrade("head");

            assertThat(result.steps()).isEmpty();
            assertThat(result.toHeads()).containsExactly(B);
            assertThat(recorded.connections()).isEqualTo(1);
            assertThat(recorded.statements()).singleElement().asString().startsWith(ANONYMOUS_BLOCK);
        }
    }

    @Test
    void aPendingRevisionIsAppliedAndAChangedScriptRefused() throws Exception {
        TestDatabase db = TestDatabase.mariadb();
        scripts();
        try (URLClassLoader loader = packaged()) {
            engine(db.dataSource(), loader).upgrade(A);
        }
        try (URLClassLoader loader = packaged()) {
            assertThat(engine(db.dataSource(), loader).upgrade("head").steps()).hasSize(1);
        }
        Path first = files.directory().resolve(A + "_one.sql");
        Files.writeString(first, Files.readString(first).replace("(id INTEGER)", "(id BIGINT)"));
        try (URLClassLoader loader = packaged()) {
            assertThatThrownBy(() -> engine(db.dataSource(), loader).upgrade("head"))
                    .isInstanceOf(MigrateException.class).hasMessageContaining(A);
        }
    }

    @Test
    void onlyAMariaDbServerIsAskedWithAnAnonymousBlock() {
        assertThat(MariaDbDialect.runsAnonymousBlocks("11.4.2-MariaDB")).isTrue();
        assertThat(MariaDbDialect.runsAnonymousBlocks("5.5.5-10.11.6-MariaDB-1:10.11.6+maria~ubu2204")).isTrue();
        assertThat(MariaDbDialect.runsAnonymousBlocks("8.4.3")).isFalse();
        assertThat(MariaDbDialect.runsAnonymousBlocks("8.0.36-commercial")).isFalse();
    }
}
