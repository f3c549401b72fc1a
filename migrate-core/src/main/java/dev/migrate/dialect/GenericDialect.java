package dev.migrate.dialect;

/**
 * Any JDBC database no registered dialect claims: scripts run, the version and log tables are standard SQL, the
 * lock is the {@link LockTable} (see its limits), DDL is taken as not transactional (each revision commits on its
 * own). No reflection or DDL rendering: {@code db migrate} and {@code db check} say autogenerate is not supported.
 * Chosen by {@link Dialects#forProduct} when nothing else matches, or by {@code migrate.dialect=generic}.
 */
public final class GenericDialect extends StandardDialect {

    private final String productName;

    /** {@code productName} as the driver reports it, for messages; null when unknown (offline SQL). */
    public GenericDialect(String productName) {
        this.productName = productName;
    }

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public String displayName() {
        return productName == null ? "this database (generic dialect)" : productName + " (generic dialect)";
    }

    /** Never chosen by a lookup: it is the fall-back. */
    @Override
    public boolean matchesProduct(String product) {
        return false;
    }

    @Override
    public boolean matchesUrl(String jdbcUrl) {
        return false;
    }

    @Override
    public String offlineBegin() {
        return "START TRANSACTION;";
    }
}
