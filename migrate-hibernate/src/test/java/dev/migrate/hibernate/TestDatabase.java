package dev.migrate.hibernate;

import dev.migrate.dialect.Dialect;
import dev.migrate.reflect.ReflectOptions;
import dev.migrate.reflect.SchemaReader;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.testsupport.PostgresServer;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A fresh real database for one test: a SQLite file, or a new database on the suite's PostgreSQL server. */
record TestDatabase(String kind, String url, String user, DataSource dataSource) {

    static TestDatabase sqlite(Path file) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        return new TestDatabase("sqlite", dataSource.getUrl(), null, dataSource);
    }

    static TestDatabase postgres() {
        PostgresServer server = PostgresServer.shared();
        String url = server.jdbcUrl(server.createDatabase());
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(server.user());
        return new TestDatabase("postgresql", url, server.user(), dataSource);
    }

    /** The version the JDBC driver reports, which Hibernate's dialect types some columns by. */
    String version() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        }
    }

    /** Boot's mapping settings for this database. */
    EntityModelSettings settings() throws SQLException {
        return EntityModelSettings.forDatabase(kind).withDatabaseVersion(version());
    }

    /** The application's tables as reflection reads them, engine tables left out. */
    Schema reflect() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return SchemaReader.forConnection(connection).read(connection,
                    ReflectOptions.defaults().excluding("alembic_version", "migrate_log"));
        }
    }

    /** The reflected tables in the dialect's canonical form: what the comparator itself compares. */
    List<Table> canonicalTables() throws SQLException {
        Dialect dialect = Dialect.named(kind);
        return reflect().tables().stream().map(dialect::canonical).toList();
    }
}
