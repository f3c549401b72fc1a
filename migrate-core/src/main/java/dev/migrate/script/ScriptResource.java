package dev.migrate.script;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One file found by a {@link ScriptSource}: its file name ({@code 2f1c3a9b7d10_add_fts.sql}), where it is
 * for messages, a way to open it each time its content is needed, and its header's lines when a
 * {@link ScriptIndex} that matches the file gave them (empty otherwise: the header is read from the file).
 */
public record ScriptResource(String fileName, String location, Opener opener, List<String> indexedHeader) {

    public ScriptResource {
        indexedHeader = List.copyOf(indexedHeader);
    }

    public ScriptResource(String fileName, String location, Opener opener) {
        this(fileName, location, opener, List.of());
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }
}
