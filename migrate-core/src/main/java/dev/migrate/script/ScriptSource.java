package dev.migrate.script;

import java.io.IOException;
import java.util.List;

/**
 * Where scripts are found: a directory on disk (for writing new revisions, and for running) or a
 * classpath location (for running from a jar). Lists {@code *.sql} files without reading them.
 */
public interface ScriptSource {

    /** For messages: {@code classpath:db/migrations} or the directory's path. */
    String description();

    List<ScriptResource> list() throws IOException;
}
