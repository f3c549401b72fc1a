package dev.migrate.it;

import dev.migrate.testsupport.MariaDbServer;
import dev.migrate.testsupport.PostgresServer;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real database for one test: a fresh SQLite file, or a fresh database on the suite's PostgreSQL
 * server. {@link #schema()} dumps what a user would call the schema, to compare two runs.
 */
public sealed interface TestDatabase permits TestDatabase.Sqlite, TestDatabase.Postgres, TestDatabase.MariaDb,
        TestDatabase.H2, TestDatabase.Hsqldb {

    public DataSource dataSource();

    String kind();

    /** Tables, columns, indexes, constraints and triggers, one normalised line each, sorted. */
    List<String> schema() throws SQLException;

    /** Runs offline SQL with the database's own command-line client; returns its stderr, empty when it succeeded. */
    String runScriptWithCli(String sql) throws Exception;

    default List<String> queryStrings(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    default void execute(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public static Sqlite sqlite(Path file) {
        return new Sqlite(file);
    }

    public static Postgres postgres() {
        PostgresServer server = PostgresServer.shared();
        return new Postgres(server, server.createDatabase());
    }

    public static MariaDb mariadb() {
        MariaDbServer server = MariaDbServer.shared();
        return new MariaDb(server, server.createDatabase(), false);
    }

    /** A database on the suite's MariaDB server, reached through MySQL Connector/J. */
    public static MariaDb mariadbThroughMysqlDriver() {
        MariaDbServer server = MariaDbServer.shared();
        return new MariaDb(server, server.createDatabase(), true);
    }

    public static H2 h2(Path directory) {
        return new H2("jdbc:h2:file:" + directory.resolve("test").toAbsolutePath());
    }

    /** A fresh database on the suite's HSQLDB server: a database no dialect claims, run through the generic one. */
    public static Hsqldb hsqldb() {
        HsqldbServer server = HsqldbServer.shared();
        return new Hsqldb(server.jdbcUrl(server.createDatabase()));
    }

    record Sqlite(Path file) implements TestDatabase {

        @Override
        public DataSource dataSource() {
            SQLiteDataSource dataSource = new SQLiteDataSource();
            dataSource.setUrl("jdbc:sqlite:" + file);
            return dataSource;
        }

        @Override
        public String kind() {
            return "sqlite";
        }

        @Override
        public List<String> schema() throws SQLException {
            return queryStrings("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master "
                    + "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
        }

        @Override
        public String runScriptWithCli(String sql) throws Exception {
            Process process = new ProcessBuilder("sqlite3", "-bail", file.toString())
                    .redirectErrorStream(true).start();
            process.getOutputStream().write(sql.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? "" : "sqlite3 failed: " + output;
        }

        @Override
        public String toString() {
            return "SQLite";
        }
    }

    record Postgres(PostgresServer server, String database) implements TestDatabase {

        @Override
        public DataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(server.jdbcUrl(database));
            dataSource.setUser(server.user());
            return dataSource;
        }

        @Override
        public String kind() {
            return "postgresql";
        }

        @Override
        public List<String> schema() throws SQLException {
            List<String> lines = new ArrayList<>();
            lines.addAll(queryStrings("SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || "
                    + "COALESCE('(' || character_maximum_length || ')', '') || ' ' || is_nullable || ' ' || "
                    + "COALESCE(column_default, '') FROM information_schema.columns WHERE table_schema = 'public'"));
            lines.addAll(queryStrings("SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || "
                    + "pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace"));
            lines.addAll(queryStrings("SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'"));
            lines.addAll(queryStrings("SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal"));
            lines.addAll(queryStrings("SELECT 'function ' || p.proname || ' ' || md5(p.prosrc) FROM pg_proc p "
                    + "WHERE p.pronamespace = 'public'::regnamespace"));
            lines.sort(null);
            return lines;
        }

        @Override
        public String runScriptWithCli(String sql) {
            var result = server.runPsql(database, sql);
            return result.exitCode() == 0 ? "" : "psql failed: " + result.stderr();
        }

        @Override
        public String toString() {
            return "PostgreSQL";
        }
    }

    record MariaDb(MariaDbServer server, String database, boolean mysqlDriver) implements TestDatabase {

        @Override
        public DataSource dataSource() {
            if (mysqlDriver) {
                com.mysql.cj.jdbc.MysqlDataSource dataSource = new com.mysql.cj.jdbc.MysqlDataSource();
                dataSource.setURL(server.jdbcUrl(database).replace("jdbc:mariadb:", "jdbc:mysql:"));
                dataSource.setUser(server.user());
                return dataSource;
            }
            org.mariadb.jdbc.MariaDbDataSource dataSource = new org.mariadb.jdbc.MariaDbDataSource();
            try {
                dataSource.setUrl(server.jdbcUrl(database));
                dataSource.setUser(server.user());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return dataSource;
        }

        @Override
        public String kind() {
            return "mariadb";
        }

        @Override
        public List<String> schema() throws SQLException {
            List<String> lines = new ArrayList<>();
            lines.addAll(queryStrings("SELECT CONCAT('column ', table_name, '.', column_name, ' ', column_type, ' ', "
                    + "is_nullable, ' ', COALESCE(column_default, '')) FROM information_schema.columns "
                    + "WHERE table_schema = DATABASE()"));
            lines.addAll(queryStrings("SELECT CONCAT('index ', table_name, ' ', index_name, ' ', column_name, ' ', "
                    + "seq_in_index) FROM information_schema.statistics WHERE table_schema = DATABASE()"));
            lines.addAll(queryStrings("SELECT CONCAT('trigger ', trigger_name, ' ', event_object_table, ' ', "
                    + "MD5(action_statement)) FROM information_schema.triggers WHERE trigger_schema = DATABASE()"));
            lines.sort(null);
            return lines;
        }

        @Override
        public String runScriptWithCli(String sql) {
            var result = server.runClient(database, sql);
            return result.exitCode() == 0 ? "" : "mariadb failed: " + result.stderr();
        }

        @Override
        public String toString() {
            return mysqlDriver ? "MariaDB (MySQL Connector/J)" : "MariaDB";
        }
    }

    record H2(String url) implements TestDatabase {

        @Override
        public DataSource dataSource() {
            org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
            dataSource.setURL(url);
            dataSource.setUser("sa");
            return dataSource;
        }

        @Override
        public String kind() {
            return "h2";
        }

        @Override
        public List<String> schema() throws SQLException {
            List<String> lines = new ArrayList<>(queryStrings("SELECT 'column ' || table_name || '.' || column_name || ' ' "
                    + "|| data_type || ' ' || is_nullable || ' ' || COALESCE(column_default, '') FROM "
                    + "information_schema.columns WHERE table_schema = 'PUBLIC' AND table_name NOT LIKE '%_LOCK'"));
            // The indexes H2 makes for its constraints have generated names (PRIMARY_KEY_4, FK_X_INDEX_5), which change
            // each time a table is created again: left out; the constraints themselves are listed.
            lines.addAll(queryStrings("SELECT 'index ' || table_name || ' ' || index_name FROM information_schema.indexes "
                    + "WHERE table_schema = 'PUBLIC' AND NOT is_generated AND table_name NOT LIKE '%_LOCK'"));
            lines.addAll(queryStrings("SELECT 'constraint ' || table_name || ' ' || constraint_name || ' ' || constraint_type "
                    + "FROM information_schema.table_constraints WHERE table_schema = 'PUBLIC' AND table_name NOT LIKE '%_LOCK'"));
            lines.sort(null);
            return lines;
        }

        /** H2 has no separate client: its own script runner ({@code org.h2.tools.RunScript}) reads the file. */
        @Override
        public String runScriptWithCli(String sql) {
            try (Connection connection = dataSource().getConnection()) {
                org.h2.tools.RunScript.execute(connection, new java.io.StringReader(sql));
                return "";
            } catch (SQLException e) {
                return "RunScript failed: " + e.getMessage();
            }
        }

        @Override
        public String toString() {
            return "H2";
        }
    }

    record Hsqldb(String url) implements TestDatabase {

        @Override
        public DataSource dataSource() {
            org.hsqldb.jdbc.JDBCDataSource dataSource = new org.hsqldb.jdbc.JDBCDataSource();
            dataSource.setUrl(url);
            dataSource.setUser("SA");
            dataSource.setPassword("");
            return dataSource;
        }

        /** Offline SQL names the dialect: HSQLDB has none of its own. */
        @Override
        public String kind() {
            return "generic";
        }

        @Override
        public List<String> schema() throws SQLException {
            // Unnamed constraints and their indexes get generated names (SYS_PK_10092) that differ from run to run.
            List<String> lines = new ArrayList<>(queryStrings("SELECT 'column ' || table_name || '.' || column_name || ' ' "
                    + "|| data_type || ' ' || is_nullable || ' ' || COALESCE(column_default, '') FROM "
                    + "information_schema.columns WHERE table_schema = 'PUBLIC' AND table_name NOT LIKE '%_LOCK'"));
            lines.addAll(queryStrings("SELECT DISTINCT 'index ' || table_name || ' ' || index_name FROM "
                    + "information_schema.system_indexinfo WHERE table_schem = 'PUBLIC' AND index_name NOT LIKE 'SYS_%' "
                    + "AND table_name NOT LIKE '%_LOCK'"));
            lines.addAll(queryStrings("SELECT 'constraint ' || table_name || ' ' || CASE WHEN constraint_name LIKE 'SYS_%' "
                    + "THEN '' ELSE constraint_name END || ' ' || constraint_type FROM information_schema.table_constraints "
                    + "WHERE table_schema = 'PUBLIC' AND table_name NOT LIKE '%_LOCK'"));
            lines.sort(null);
            return lines;
        }

        /** HSQLDB's own command-line client, SqlTool, in a process of its own, stopping at the first error. */
        @Override
        public String runScriptWithCli(String sql) throws Exception {
            Path file = java.nio.file.Files.createTempFile("offline-", ".sql");
            java.nio.file.Files.writeString(file, sql);
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.hsqldb.cmdline.SqlTool", "--noAutoFile",
                    "--inlineRc=url=" + url + ",user=SA,password=", file.toString())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? "" : "SqlTool failed: " + output;
        }

        @Override
        public String toString() {
            return "HSQLDB (generic dialect)";
        }
    }
}
