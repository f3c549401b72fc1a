package dev.migrate.dialect.mariadb;

import dev.migrate.dialect.RunLock;
import dev.migrate.dialect.TableName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * MariaDB's and MySQL's named lock, {@code GET_LOCK(name, 0)} on the run's own session: held across every
 * revision's transaction, released by {@code RELEASE_LOCK} at the end of the run and by the server when the
 * session ends (the process died). Named after the database and the version table (hashed to MySQL's 64
 * characters), so applications sharing a server never wait for each other.
 */
public final class MariaDbLock implements RunLock {

    @Override
    public boolean tryAcquire(Connection connection, TableName versionTable) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            statement.setString(1, name(connection, versionTable));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getInt(1) == 1;
            }
        }
    }

    @Override
    public void release(Connection connection, TableName versionTable) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, name(connection, versionTable));
            statement.execute();
        }
    }

    @Override
    public Optional<String> holder(Connection connection, TableName versionTable) throws SQLException {
        long id;
        try (PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            statement.setString(1, name(connection, versionTable));
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next() || rows.getObject(1) == null) {
                    return Optional.empty();
                }
                id = rows.getLong(1);
            }
        }
        // Other users' sessions are visible only with the PROCESS privilege: the connection id is said either way.
        try (PreparedStatement statement = connection.prepareStatement("SELECT USER, HOST, TIME, LEFT(INFO, 80) "
                + "FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.of("connection " + id);
                }
                String running = rows.getString(4);
                return Optional.of("connection " + id + " (" + rows.getString(1) + "@" + rows.getString(2) + ", "
                        + rows.getLong(3) + " s in its current state"
                        + (running == null ? "" : ", running: " + running.replaceAll("\\s+", " ")) + ")");
            }
        }
    }

    private static String name(Connection connection, TableName versionTable) throws SQLException {
        String database;
        try (PreparedStatement statement = connection.prepareStatement("SELECT DATABASE()");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            database = versionTable.schema() != null ? versionTable.schema() : rows.getString(1);
        }
        String name = "migrate:" + database + "." + versionTable.name();
        if (name.length() <= 64) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "migrate:" + HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
