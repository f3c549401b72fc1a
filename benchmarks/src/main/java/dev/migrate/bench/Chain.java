package dev.migrate.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear chain of revisions written three times, once in each tool's own format, with the same statements:
 * this project's {@code .sql} scripts (Alembic-style header, {@code -- migrate:upgrade}), Flyway's
 * {@code V<n>__r<n>.sql} files, and one Liquibase formatted-SQL changelog with one changeset per revision
 * ({@code --changeset bench:<n>}). Each revision is a list of statements; each tool runs a revision in one
 * transaction by default.
 */
final class Chain {

    /** What was written, and the statements, for the JDBC floor. */
    record Written(Path migrateDir, Path flywayDir, Path liquibaseDir, List<String> ids, List<List<String>> revisions) {
        int size() {
            return revisions.size();
        }

        String head() {
            return ids.get(ids.size() - 1);
        }
    }

    static final String CHANGELOG = "changelog.sql";

    private Chain() {
    }

    /** {@code count} revisions of one small DDL statement each. */
    static List<List<String>> ddl(int count) {
        List<List<String>> revisions = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            revisions.add(List.of(String.format("CREATE TABLE t_%05d (id INTEGER PRIMARY KEY, v VARCHAR(40))", i)));
        }
        return revisions;
    }

    /**
     * One revision creating {@code bulk} and inserting {@code rows} rows into it, as a seed-data script would:
     * multi-row INSERT statements of 1,000 rows each (about 40 bytes a row).
     */
    static List<String> bulk(int rows) {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE bulk (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, n INTEGER)");
        for (int start = 1; start <= rows; start += 1_000) {
            StringBuilder insert = new StringBuilder("INSERT INTO bulk (id, name, n) VALUES ");
            for (int id = start; id < start + 1_000 && id <= rows; id++) {
                insert.append(id == start ? "" : ", ").append('(').append(id).append(", 'name ").append(id)
                        .append("', ").append(id % 997).append(')');
            }
            statements.add(insert.toString());
        }
        return statements;
    }

    static Written write(Path root, List<List<String>> revisions) throws IOException {
        return write(root.resolve("migrate"), root.resolve("flyway"), root.resolve("liquibase"), revisions);
    }

    /** The three formats in directories of the caller's choice (scenario "boot": each starter's default location). */
    static Written write(Path migrateDir, Path flywayDir, Path liquibaseDir, List<List<String>> revisions)
            throws IOException {
        Path migrate = Files.createDirectories(migrateDir);
        Path flyway = Files.createDirectories(flywayDir);
        Path liquibase = Files.createDirectories(liquibaseDir);
        List<String> ids = new ArrayList<>();
        try (Writer changelog = Files.newBufferedWriter(liquibase.resolve(CHANGELOG), StandardCharsets.UTF_8)) {
            changelog.write("--liquibase formatted sql\n\n");
            String parent = "";
            for (int i = 0; i < revisions.size(); i++) {
                int n = i + 1;
                String id = String.format("a%011x", n);
                ids.add(id);
                String body = String.join(";\n", revisions.get(i)) + ";\n";
                Files.writeString(migrate.resolve(id + "_r" + n + ".sql"), "-- revision " + n + "\n--\n"
                        + "-- Revision ID: " + id + "\n-- Revises: " + parent + "\n"
                        + "-- Create Date: 2026-01-01 00:00:00.000000\n\n"
                        + "-- migrate:upgrade\n" + body + "\n-- migrate:downgrade\n", StandardCharsets.UTF_8);
                Files.writeString(flyway.resolve("V" + n + "__r" + n + ".sql"), body, StandardCharsets.UTF_8);
                changelog.write("--changeset bench:" + n + "\n" + body + "\n");
                parent = id;
            }
        }
        return new Written(migrate, flyway, liquibase, List.copyOf(ids), List.copyOf(revisions));
    }
}
