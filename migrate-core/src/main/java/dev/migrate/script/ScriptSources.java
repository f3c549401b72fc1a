package dev.migrate.script;

import java.nio.file.Path;

/** Turns a configured location into a {@link ScriptSource}. */
public final class ScriptSources {

    public static final String CLASSPATH_PREFIX = "classpath:";
    public static final String FILESYSTEM_PREFIX = "filesystem:";

    private ScriptSources() {
    }

    /**
     * {@code classpath:db/migrations} for a classpath location, {@code filesystem:/path} or a plain path
     * for a directory on disk.
     */
    public static ScriptSource of(String location, ClassLoader classLoader) {
        if (location == null || location.isBlank()) {
            throw new ScriptException("an empty script location; use classpath:db/migrations, filesystem:/path or a path");
        }
        String trimmed = location.strip();
        if (trimmed.startsWith(CLASSPATH_PREFIX)) {
            return new ClasspathScriptSource(trimmed.substring(CLASSPATH_PREFIX.length()), classLoader);
        }
        if (trimmed.startsWith(FILESYSTEM_PREFIX)) {
            return new DirectoryScriptSource(Path.of(trimmed.substring(FILESYSTEM_PREFIX.length())));
        }
        return new DirectoryScriptSource(Path.of(trimmed));
    }
}
