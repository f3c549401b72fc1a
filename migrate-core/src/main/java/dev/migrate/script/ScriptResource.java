package dev.migrate.script;

import java.io.IOException;
import java.io.InputStream;

/**
 * One file found by a {@link ScriptSource}: its file name ({@code 2f1c3a9b7d10_add_fts.sql}), where it is
 * for messages, and a way to open it each time its content is needed.
 */
public record ScriptResource(String fileName, String location, Opener opener) {

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }
}
