package dev.migrate.test;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.schema.ModelSource;
import dev.migrate.testsupport.PostgresServer;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A script directory written by hand and an empty database, SQLite file or a fresh database on the suite's server. */
final class Fixture {

    enum Kind { SQLITE, POSTGRESQL }

    private final Path scripts;
    private final DataSource dataSource;
    private final String dialect;

    Fixture(Kind kind, Path tmp) {
        this.scripts = tmp.resolve("migrations");
        try {
            Files.createDirectories(scripts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (kind == Kind.SQLITE) {
            SQLiteDataSource sqlite = new SQLiteDataSource();
            sqlite.setUrl("jdbc:sqlite:" + tmp.resolve("test.db"));
            this.dataSource = sqlite;
            this.dialect = "sqlite";
        } else {
            PostgresServer server = PostgresServer.shared();
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(server.jdbcUrl(server.createDatabase()));
            postgres.setUser(server.user());
            this.dataSource = postgres;
            this.dialect = "postgresql";
        }
    }

    /** A script revising {@code revises} (empty for a base); a null {@code downgrade} leaves the section out. */
    Fixture script(String id, String revises, String message, String upgrade, String downgrade) {
        return script(id + ".sql", id, revises, message, upgrade, downgrade);
    }

    /** A script with a branch label. */
    Fixture labelledScript(String id, String revises, String label, String message, String upgrade,
                           String downgrade) {
        return script(id + ".sql", id, revises, message, upgrade, downgrade, label);
    }

    Fixture script(String fileName, String id, String revises, String message, String upgrade, String downgrade) {
        return script(fileName, id, revises, message, upgrade, downgrade, "");
    }

    private Fixture script(String fileName, String id, String revises, String message, String upgrade,
                           String downgrade, String label) {
        String text = "-- " + message + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises
                + "\n-- Create Date: 2026-12-07 10:00:00.000000\n-- Branch Labels: " + label + "\n-- Depends On:\n\n"
                + "-- migrate:upgrade\n" + upgrade + "\n"
                + (downgrade == null ? "" : "\n-- migrate:downgrade\n" + downgrade + "\n");
        try {
            Files.writeString(scripts.resolve(fileName), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A repeatable script {@code R__<name>.sql} holding {@code sql}. */
    Fixture repeatable(String name, String sql) {
        try {
            Files.writeString(scripts.resolve("R__" + name + ".sql"), sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Migrate migrate(ModelSource... models) {
        return new Migrate(builder(models).build());
    }

    /** The engine over these scripts with {@code ${key}} parameters configured as {@code migrate.parameters.*} sets them. */
    Migrate migrateWithParameter(String key, String value) {
        return new Migrate(builder().parameter(key, value).build());
    }

    private MigrateConfig.Builder builder(ModelSource... models) {
        MigrateConfig.Builder builder = MigrateConfig.builder().dataSource(dataSource).dialect(dialect)
                .scriptDirectory(scripts);
        for (ModelSource model : models) {
            builder.model(model);
        }
        return builder;
    }
}
