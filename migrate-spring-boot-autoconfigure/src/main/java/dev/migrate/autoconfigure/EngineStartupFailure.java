package dev.migrate.autoconfigure;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;

/**
 * Which engine failed at start-up, attached as suppressed to the initializer's one-line {@link MigrateException}
 * (which stays the exception thrown and the last "Caused by"), with the engine's own exception as its cause for the
 * logs: the bean name, the database's URL without credentials, and whether the application has several engines, so
 * that {@link MigrateFailureAnalyzer} can name the database and give the {@code db --database NAME} command lines for
 * it. Carries no stack trace of its own.
 */
final class EngineStartupFailure extends RuntimeException {

    private final String engine;
    private final String url;
    private final boolean several;

    private EngineStartupFailure(String engine, String url, boolean several, MigrateException engineFailure) {
        super("Migrate bean '" + engine + "' (" + url + ") failed at start-up", engineFailure, false, false);
        this.engine = engine;
        this.url = url;
        this.several = several;
    }

    /**
     * A start-up failure of {@code migrate}, named {@code engine}: the one line of {@code engineFailure} (prefixed with the
     * engine's name where there are several), with this, around {@code engineFailure}, as its suppressed.
     */
    static MigrateException of(String engine, Migrate migrate, boolean several, MigrateException engineFailure) {
        MigrateException failure = new MigrateException((several ? "Migrate bean '" + engine + "': " : "")
                + engineFailure.getMessage());
        failure.addSuppressed(new EngineStartupFailure(engine, urlOf(migrate), several, engineFailure));
        return failure;
    }

    /** The engine attached to {@code failure} or one of its causes, or null. */
    static EngineStartupFailure in(Throwable failure) {
        for (Throwable current = failure; current != null && current.getCause() != current; current = current.getCause()) {
            for (Throwable suppressed : current.getSuppressed()) {
                if (suppressed instanceof EngineStartupFailure engine) {
                    return engine;
                }
            }
        }
        return null;
    }

    private static String urlOf(Migrate migrate) {
        try {
            return migrate.databaseUrl();
        } catch (RuntimeException e) {
            // The database may be what failed: the report is still worth more than the URL.
            return "URL unknown: " + e.getMessage();
        }
    }

    String engine() {
        return engine;
    }

    String url() {
        return url;
    }

    /** Whether the application has other engines, so that a command line must name this one. */
    boolean several() {
        return several;
    }

    /** {@code db <verb>} for this engine: with {@code --database NAME} when there are several. */
    String command(String verb) {
        return "'db " + verb + (several ? " --database " + engine : "") + "'";
    }
}
