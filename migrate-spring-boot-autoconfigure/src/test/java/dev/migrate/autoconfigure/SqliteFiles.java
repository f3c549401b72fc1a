package dev.migrate.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads SQLite files directly, behind the application's back, and writes script directories. */
public final class SqliteFiles {

    /** The head of the scripts in {@code src/test/resources/db/test-migrations}. */
    public static final String HEAD = "f6e5d4c3b2a1";
    public static final String FIRST = "a1b2c3d4e5f6";
    public static final String TEST_LOCATION = "classpath:db/test-migrations";

    private SqliteFiles() {
    }

    public static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    public static List<String> tables(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        return strings(file, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    }

    public static List<String> versions(Path file) {
        return strings(file, "SELECT version_num FROM alembic_version ORDER BY version_num");
    }

    static List<String> strings(Path file, String sql) {
        try (Connection connection = DriverManager.getConnection(url(file));
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A script directory holding one revision whose upgrade is {@code upgradeSql}. */
    static Path scriptDirectory(Path parent, String revision, String upgradeSql) {
        Path directory = parent.resolve("migrations");
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(revision + "_only.sql"), """
                    -- only
                    --
                    -- Revision ID: %s
                    -- Revises:
                    -- Create Date: 2026-11-21 10:00:00.000000
                    -- Branch Labels:
                    -- Depends On:

                    -- migrate:upgrade
                    %s

                    -- migrate:downgrade
                    """.formatted(revision, upgradeSql));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }
}
