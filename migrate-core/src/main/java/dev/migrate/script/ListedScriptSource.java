package dev.migrate.script;

import java.util.List;

/**
 * A {@link ScriptSource} listed once: a check that may answer from the listing alone (see {@link IndexedScripts}) and
 * the load that follows when it cannot both use the one listing, so a jar's directory is read once.
 */
public record ListedScriptSource(String description, List<ScriptResource> list) implements ScriptSource {

    public ListedScriptSource {
        list = List.copyOf(list);
    }

    /** Lists {@code source} now; fails as {@link ScriptLoader} does when it cannot be listed. */
    public static ListedScriptSource of(ScriptSource source) {
        return new ListedScriptSource(source.description(), ScriptLoader.list(source));
    }
}
