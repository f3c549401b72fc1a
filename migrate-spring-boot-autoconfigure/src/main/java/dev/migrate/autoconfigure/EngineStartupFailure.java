package dev.migrate.autoconfigure;

import dev.migrate.command.DatabaseSettings;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.util.StringUtils;

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
        failure.addSuppressed(new EngineStartupFailure(engine, urlOf(migrate, engineFailure), several, engineFailure));
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

    /**
     * The database's URL without a password, without opening a connection where the database may be what failed
     * (a pool would wait its whole timeout again): the configured URL, else the DataSource's own {@code jdbcUrl} or
     * {@code url} property (Hikari, the drivers' DataSources, Spring's), else, where a revision ran and so the
     * database answered, the URL the driver reports.
     */
    private static String urlOf(Migrate migrate, MigrateException engineFailure) {
        String url = migrate.config().database().url();
        if (!StringUtils.hasText(url)) {
            url = urlProperty(migrate.config().dataSource());
        }
        if (StringUtils.hasText(url)) {
            return DatabaseSettings.withoutPassword(url);
        }
        if (MigrateFailureAnalyzer.find(engineFailure) == null) {
            return "URL not known without connecting";
        }
        try {
            return migrate.databaseUrl();
        } catch (RuntimeException e) {
            return "URL not known: " + e.getMessage();
        }
    }

    private static String urlProperty(Object dataSource) {
        if (dataSource == null) {
            return null;
        }
        BeanWrapper properties = PropertyAccessorFactory.forBeanPropertyAccess(dataSource);
        for (String name : new String[] {"jdbcUrl", "url"}) {
            if (properties.isReadableProperty(name) && properties.getPropertyValue(name) instanceof String url) {
                return url;
            }
        }
        return null;
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
