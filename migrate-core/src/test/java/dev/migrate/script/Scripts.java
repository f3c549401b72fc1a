package dev.migrate.script;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Scripts in memory, for tests. */
final class Scripts {

    private Scripts() {
    }

    static ScriptResource resource(String fileName, String text) {
        return resource(fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    static ScriptResource resource(String fileName, byte[] bytes) {
        return new ScriptResource(fileName, "db/migrations/" + fileName, () -> new ByteArrayInputStream(bytes));
    }

    static SqlMigrationScript read(String fileName, String text) {
        return SqlMigrationScript.readHeader(resource(fileName, text));
    }

    /** A minimal script with the given header lines. */
    static String script(String id, String revises, String body) {
        return """
                -- a message
                --
                -- Revision ID: %s
                -- Revises: %s
                -- Create Date: 2026-11-21 10:31:07.123456

                -- migrate:upgrade
                %s
                """.formatted(id, revises, body);
    }
}
