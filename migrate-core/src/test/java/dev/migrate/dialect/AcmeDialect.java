package dev.migrate.dialect;

import java.util.Locale;

/** A third party's dialect for a made-up database, registered in the test class path's META-INF/services. */
public final class AcmeDialect extends StandardDialect {

    @Override
    public String name() {
        return "acme";
    }

    @Override
    public boolean matchesProduct(String productName) {
        return productName.toLowerCase(Locale.ROOT).startsWith("acmedb");
    }

    @Override
    public boolean matchesUrl(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:acme:");
    }

    @Override
    public String offlineBegin() {
        return "BEGIN WORK;";
    }
}
