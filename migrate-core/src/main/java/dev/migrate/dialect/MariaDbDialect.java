package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * MariaDB and MySQL (MariaDB Connector/J and MySQL Connector/J): backquoted names, DDL that commits the open
 * transaction (each revision commits on its own, Alembic's rule), Alembic's version table, a log table with
 * {@code AUTO_INCREMENT}, and the lock {@code GET_LOCK} on the run's session ({@link MariaDbLock}).
 */
public final class MariaDbDialect extends StandardDialect {

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public String displayName() {
        return "MariaDB/MySQL";
    }

    @Override
    public boolean matchesProduct(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        return product.contains("mariadb") || product.contains("mysql");
    }

    @Override
    public boolean matchesUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        return url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:");
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /** Backslashes escape in MySQL's strings (unless NO_BACKSLASH_ESCAPES): doubled, as are quotes. */
    @Override
    public String literal(String value) {
        return value == null ? "NULL" : "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public boolean hashComments() {
        return true;
    }

    @Override
    public boolean backslashEscapes() {
        return true;
    }

    /** The {@code mariadb} client ends a statement at each semicolon: a trigger body goes between DELIMITER lines. */
    @Override
    public String offlineStatement(String sql) {
        if (!sql.contains(";")) {
            return sql + ";";
        }
        String delimiter = java.util.stream.Stream.of("//", "$$", ";;", "@@@").filter(d -> !sql.contains(d)).findFirst()
                .orElse("//");
        // On a line of its own: "END */" followed by "//" would read as "*//".
        return "DELIMITER " + delimiter + "\n" + sql + "\n" + delimiter + "\nDELIMITER ;";
    }

    @Override
    public boolean tableExists(Connection connection, TableName table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM information_schema.tables "
                + "WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ?")) {
            statement.setString(1, table.schema());
            statement.setString(2, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public String createLogTable(TableName table) {
        return "CREATE TABLE " + table.render(this) + " (\n"
                + "    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n"
                + "    revision VARCHAR(32) NOT NULL,\n"
                + "    direction VARCHAR(10) NOT NULL,\n"
                + "    message VARCHAR(500),\n"
                + "    checksum VARCHAR(80),\n"
                + "    started_at DATETIME(6) NOT NULL,\n"
                + "    duration_ms BIGINT NOT NULL,\n"
                + "    installed_by VARCHAR(100),\n"
                + "    success BOOLEAN NOT NULL,\n"
                + "    error VARCHAR(2000)\n"
                + ")";
    }

    @Override
    public RunLock runLock() {
        return new MariaDbLock();
    }
}
