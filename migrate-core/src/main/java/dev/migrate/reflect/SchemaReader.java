package dev.migrate.reflect;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.h2.H2Dialect;
import dev.migrate.dialect.mariadb.MariaDbDialect;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.dialect.sqlite.SqliteDialect;
import dev.migrate.schema.Schema;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads a live schema into the model, in bulk: a fixed handful of catalog queries for the whole schema,
 * however many tables it has. Types, defaults and check expressions come back in the canonical forms of
 * this package, so that an unchanged model compares equal. The connection is only read from; it is left
 * open, with its transaction state as it was.
 */
public interface SchemaReader {

    Schema read(Connection connection, ReflectOptions options) throws SQLException;

    /** The number of statements one {@link #read} issues when it finds at least one table to read. */
    int queriesPerRead();

    static SchemaReader of(Dialect dialect) {
        if (dialect instanceof SqliteDialect) {
            return new SqliteSchemaReader();
        }
        if (dialect instanceof PostgresDialect) {
            return new PostgresSchemaReader();
        }
        if (dialect instanceof MariaDbDialect) {
            return new MariaDbSchemaReader();
        }
        if (dialect instanceof H2Dialect) {
            return new H2SchemaReader();
        }
        throw new IllegalArgumentException("no schema reader for " + dialect.name());
    }

    /** The reader for the connection's database. */
    static SchemaReader forConnection(Connection connection) throws SQLException {
        return of(Dialect.of(connection));
    }

    /** Reads with the reader for the connection's database. */
    static Schema read(Connection connection) throws SQLException {
        return forConnection(connection).read(connection, ReflectOptions.defaults());
    }
}
