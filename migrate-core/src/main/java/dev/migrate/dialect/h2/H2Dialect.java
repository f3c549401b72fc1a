package dev.migrate.dialect.h2;

import dev.migrate.dialect.Ddl;
import dev.migrate.dialect.LockTable;
import dev.migrate.dialect.StandardDialect;
import java.util.Locale;
import java.util.Set;

/**
 * H2 2.x, embedded file and in-memory: standard SQL bookkeeping; DDL commits the open transaction, so each
 * revision commits on its own; the lock is the {@link LockTable} (H2 has no session-level named locks). An
 * in-memory database lives in one JVM, where the table still keeps two threads' runs apart. Autogenerate reflects
 * from {@code INFORMATION_SCHEMA} and renders PostgreSQL's DDL with H2's types ({@code H2Ddl}); H2 keeps comments.
 */
public final class H2Dialect extends StandardDialect {

    private static final H2Ddl DDL = new H2Ddl(new H2Dialect());

    @Override
    public Ddl ddl() {
        return DDL;
    }

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

    @Override
    public boolean supportsAutogenerate() {
        return true;
    }

    @Override
    public boolean keepsComments() {
        return true;
    }

    /** Also H2's own keywords ({@code key}, {@code value}, {@code year}...), which it refuses as bare names. */
    @Override
    public String quoteIfNeeded(String identifier) {
        return H2_RESERVED.contains(identifier.toLowerCase(Locale.ROOT)) ? quote(identifier)
                : super.quoteIfNeeded(identifier);
    }

    /** H2 2.x's keywords that the shared list lacks. */
    private static final Set<String> H2_RESERVED = Set.of(("_rowid_ day groups hour if interval key minus minute month "
            + "partition qualify range row rownum rows second top uescape unknown value year").split(" "));
}
