package dev.migrate.dialect;

import java.util.Locale;

/**
 * H2 2.x, embedded file and in-memory: standard SQL bookkeeping; DDL commits the open transaction, so each
 * revision commits on its own; the lock is the {@link LockTable} (H2 has no session-level named locks). An
 * in-memory database lives in one JVM, where the table still keeps two threads' runs apart.
 */
public final class H2Dialect extends StandardDialect {

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String displayName() {
        return "H2";
    }

    @Override
    public boolean matchesProduct(String productName) {
        return productName.toLowerCase(Locale.ROOT).equals("h2");
    }

    @Override
    public boolean matchesUrl(String jdbcUrl) {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
    }
}
