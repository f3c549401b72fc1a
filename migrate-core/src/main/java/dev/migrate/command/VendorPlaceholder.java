package dev.migrate.command;

import dev.migrate.dialect.Dialects;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code {vendor}} in a location or the script directory ({@code classpath:db/migrations/{vendor}}): the name of the
 * dialect of the database being migrated ({@code sqlite}, {@code postgresql}, {@code mariadb}, {@code h2}, ...).
 * Known without connecting when {@code migrate.dialect} or the JDBC URL tells, which is all offline SQL may use;
 * otherwise an online command asks the database once.
 */
final class VendorPlaceholder {

    static final String TOKEN = "{vendor}";

    private final DatabaseSettings database;
    private final DataSource dataSource;
    private final Object lock = new Object();
    private String vendor; // guarded by lock; resolved at most once

    VendorPlaceholder(DatabaseSettings database, DataSource dataSource) {
        this.database = database;
        this.dataSource = dataSource;
    }

    static boolean in(String text) {
        return text != null && text.contains(TOKEN);
    }

    static boolean in(Path path) {
        return path != null && in(path.toString());
    }

    /** {@code text} with {@code {vendor}} replaced; {@code mayConnect} false for offline SQL. */
    String resolve(String text, boolean mayConnect) {
        return in(text) ? text.replace(TOKEN, vendor(mayConnect)) : text;
    }

    Path resolve(Path path, boolean mayConnect) {
        return in(path) ? Path.of(resolve(path.toString(), mayConnect)) : path;
    }

    private String vendor(boolean mayConnect) {
        synchronized (lock) {
            if (vendor != null) {
                return vendor;
            }
            if (knownWithoutConnecting() || !mayConnect || dataSource == null) {
                // DatabaseSettings says in one line what to set when neither the name nor the URL tells.
                vendor = database.dialect().name();
            } else {
                vendor = askDatabase();
            }
            return vendor;
        }
    }

    private boolean knownWithoutConnecting() {
        return hasText(database.dialectName()) || (hasText(database.url()) && Dialects.forUrl(database.url()).isPresent());
    }

    private String askDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            return Dialects.forProduct(connection.getMetaData().getDatabaseProductName()).name();
        } catch (SQLException e) {
            throw new MigrateException("Cannot connect to find the database for {vendor} in the script locations: "
                    + e.getMessage() + "; check the connection, or set migrate.dialect", e);
        }
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
