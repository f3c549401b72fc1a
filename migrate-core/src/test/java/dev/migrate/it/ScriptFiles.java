package dev.migrate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes hand-made scripts into a test's script directory, in the documented format. */
public final class ScriptFiles {

    private final Path directory;

    public ScriptFiles(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** A script revising {@code revises} (comma-separated, empty for a base). */
    public Path write(String id, String revises, String message, String upgrade, String downgrade) {
        return writeRaw(id + "_" + message.toLowerCase().replaceAll("[^a-z0-9]+", "_") + ".sql",
                "-- " + message + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises
                        + "\n-- Create Date: 2026-11-21 10:00:00.000000\n-- Branch Labels:\n-- Depends On:\n\n"
                        + "-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\n" + downgrade + "\n");
    }

    public Path writeRaw(String fileName, String content) {
        Path file = directory.resolve(fileName);
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
