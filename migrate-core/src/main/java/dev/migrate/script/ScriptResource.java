package dev.migrate.script;

import java.io.IOException;
import java.io.InputStream;

/**
 * One file found by a {@link ScriptSource}: its file name ({@code 2f1c3a9b7d10_add_fts.sql}), where it is
 * for messages, a way to open it each time its content is needed, and what a {@link ScriptIndex} that matches the
 * file knows of it (its header's lines and its checksum), or null: then both are read from the file. The index is
 * kept whole and asked for the file's entry only when that is needed, so that listing a jar parses no index line.
 */
public record ScriptResource(String fileName, String location, Opener opener, ScriptIndex index) {

    public ScriptResource(String fileName, String location, Opener opener) {
        this(fileName, location, opener, null);
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** What the matching index says of this file, or null without one. */
    public ScriptIndex.Entry indexed() {
        return index == null ? null : index.entry(fileName);
    }

    public InputStream open() throws IOException {
        return opener.open();
    }
}
