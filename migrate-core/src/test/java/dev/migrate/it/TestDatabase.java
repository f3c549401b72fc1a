package dev.migrate.it;

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
public sealed interface TestDatabase permits TestDatabase.Sqlite, TestDatabase.Postgres {

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
}
