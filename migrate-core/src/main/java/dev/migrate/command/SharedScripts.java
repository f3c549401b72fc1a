package dev.migrate.command;

import dev.migrate.script.IndexedScripts;
import dev.migrate.script.JavaMigration;
import dev.migrate.script.ListedScriptSource;
import dev.migrate.script.ScriptSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The scripts several engines read from the same places, listed and loaded once while one operation over all of them
 * runs (a fleet's: {@link Migrate#sharingScripts}), then let go, so that the next operation reads them as they are
 * then. Loaded scripts are values that many runs may share: a script's body is read and split under its own lock.
 * Thread-safe: targets running at once wait for the one that loads.
 */
public final class SharedScripts {

    /** What the scripts loaded depend on: the places as resolved (a {@code {vendor}} location per database), the class
     * loader that reads {@code classpath:} ones, and the Java migrations. */
    private record Key(List<String> sources, ClassLoader classLoader, List<JavaMigration> javaMigrations) {
    }

    private final Map<Key, List<ListedScriptSource>> listings = new ConcurrentHashMap<>();
    private final Map<Key, Optional<IndexedScripts>> indexes = new ConcurrentHashMap<>();
    private final Map<Key, Scripts> loads = new ConcurrentHashMap<>();
    private final boolean sharing;

    public SharedScripts() {
        this(true);
    }

    private SharedScripts(boolean sharing) {
        this.sharing = sharing;
    }

    /** Nothing shared: each engine reads the scripts at each command (what an engine of its own does). */
    static SharedScripts none() {
        return new SharedScripts(false);
    }

    List<ListedScriptSource> listed(List<? extends ScriptSource> sources, MigrateConfig config,
                                    Supplier<List<ListedScriptSource>> listing) {
        return sharing ? listings.computeIfAbsent(key(sources, config), key -> listing.get()) : listing.get();
    }

    Optional<IndexedScripts> indexed(List<? extends ScriptSource> sources, MigrateConfig config,
                                     Supplier<Optional<IndexedScripts>> reading) {
        return sharing ? indexes.computeIfAbsent(key(sources, config), key -> reading.get()) : reading.get();
    }

    Scripts loaded(List<? extends ScriptSource> sources, MigrateConfig config, Supplier<Scripts> loading) {
        return sharing ? loads.computeIfAbsent(key(sources, config), key -> loading.get()) : loading.get();
    }

    private static Key key(List<? extends ScriptSource> sources, MigrateConfig config) {
        return new Key(sources.stream().map(ScriptSource::description).toList(), config.classLoader(),
                List.copyOf(config.javaMigrations()));
    }
}
