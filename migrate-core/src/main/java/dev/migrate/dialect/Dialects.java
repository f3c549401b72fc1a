package dev.migrate.dialect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds dialects through {@link ServiceLoader} ({@code META-INF/services/dev.migrate.dialect.Dialect}), on this
 * library's class loader and the thread's context class loader, in that order: by product name, JDBC URL or name.
 * Nothing is cached, so a dialect added to the class path is found by the next lookup.
 */
public final class Dialects {

    private Dialects() {
    }

    /** Every registered dialect, built-in ones first. */
    public static List<Dialect> registered() {
        List<Dialect> dialects = new ArrayList<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (ClassLoader loader : loaders()) {
            for (Dialect dialect : ServiceLoader.load(Dialect.class, loader)) {
                if (seen.add(dialect.getClass())) {
                    dialects.add(dialect);
                }
            }
        }
        return dialects;
    }

    /** The registered dialect for the product, else the {@link GenericDialect} (scripts only, no autogenerate). */
    public static Dialect forProduct(String productName) {
        return registered().stream().filter(dialect -> dialect.matchesProduct(productName)).findFirst()
                .orElseGet(() -> new GenericDialect(productName));
    }

    /** The registered dialect for the JDBC URL, if any. */
    public static Optional<Dialect> forUrl(String jdbcUrl) {
        return registered().stream().filter(dialect -> dialect.matchesUrl(jdbcUrl.strip())).findFirst();
    }

    /**
     * The dialect named {@code name} ({@code sqlite}, {@code postgresql}, {@code mariadb}, {@code mysql}, {@code h2},
     * {@code generic}, or a third party's), or the one whose product it names.
     */
    public static Dialect named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("generic")) {
            return new GenericDialect(null);
        }
        List<Dialect> dialects = registered();
        return dialects.stream().filter(dialect -> dialect.name().equals(wanted)).findFirst()
                .or(() -> dialects.stream().filter(dialect -> dialect.matchesProduct(name)).findFirst())
                .orElseThrow(() -> new UnsupportedDatabaseException(name, dialects.stream().map(Dialect::name).toList()));
    }

    private static List<ClassLoader> loaders() {
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(Dialect.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != Dialect.class.getClassLoader()) {
            loaders.add(context);
        }
        return loaders;
    }
}
