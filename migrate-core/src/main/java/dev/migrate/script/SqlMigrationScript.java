package dev.migrate.script;

import dev.migrate.graph.Revision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A revision written as an SQL file. Made from its header alone; the body is read, split and checksummed
 * the first time a statement, the checksum or {@link #hasDowngrade()} is asked for, and then kept for the
 * life of this instance. A runtime that wants a broken body to fail before anything runs asks every
 * script of its plan for its statements first.
 */
public final class SqlMigrationScript implements MigrationScript {

    private final ScriptResource resource;
    private final ScriptHeader header;
    private final Revision revision;
    private final Object bodyLock = new Object();
    private ScriptBody body; // guarded by bodyLock
    private String checksum; // guarded by bodyLock; read alone when only the checksum was asked for

    public SqlMigrationScript(ScriptResource resource, ScriptHeader header) {
        this.resource = Objects.requireNonNull(resource, "resource");
        this.header = Objects.requireNonNull(header, "header");
        this.revision = header.revision();
    }

    /** Reads the header of {@code resource}, and nothing below its {@code -- migrate:upgrade} line. */
    public static SqlMigrationScript readHeader(ScriptResource resource) {
        String location = resource.location();
        if (resource.indexed() != null) {
            Iterator<String> lines = resource.indexed().headerLines().iterator();
            try {
                return new SqlMigrationScript(resource, HeaderParser.parse(() -> lines.hasNext() ? lines.next() : null,
                        location));
            } catch (IOException e) {
                throw new UncheckedIOException(e); // lines in memory: never thrown
            }
        }
        try (InputStream in = resource.open(); Utf8LineReader reader = new Utf8LineReader(in, location)) {
            return new SqlMigrationScript(resource, HeaderParser.parse(reader::readLine, location));
        } catch (IOException e) {
            throw new ScriptException(location + ": cannot read the script (" + e.getMessage() + ")", e);
        }
    }

    public ScriptResource resource() {
        return resource;
    }

    public ScriptHeader header() {
        return header;
    }

    /** The statements of the upgrade section, in order. */
    public List<Statement> upgradeStatements() {
        return upgradeStatements(SqlSyntax.STANDARD);
    }

    /** The statements of the upgrade section as a database with {@code syntax} reads them. */
    public List<Statement> upgradeStatements(SqlSyntax syntax) {
        return upgradeStatements(syntax, MigrationArguments.NONE);
    }

    /** The statements of the upgrade section, split by {@code syntax}'s rules after {@code arguments} replaced placeholders. */
    public List<Statement> upgradeStatements(SqlSyntax syntax, MigrationArguments arguments) {
        return body(syntax, arguments).upgrade();
    }

    /** The statements of the downgrade section, in order; empty when {@link #hasDowngrade()} is false. */
    public List<Statement> downgradeStatements() {
        return downgradeStatements(SqlSyntax.STANDARD);
    }

    /** The statements of the downgrade section as a database with {@code syntax} reads them. */
    public List<Statement> downgradeStatements(SqlSyntax syntax) {
        return downgradeStatements(syntax, MigrationArguments.NONE);
    }

    /** The statements of the downgrade section, split by {@code syntax}'s rules after {@code arguments} replaced placeholders. */
    public List<Statement> downgradeStatements(SqlSyntax syntax, MigrationArguments arguments) {
        return body(syntax, arguments).downgrade();
    }

    /**
     * Whether the script can be downgraded: it has a {@code -- migrate:downgrade} section. An empty section
     * means there is nothing to undo (Alembic's {@code pass}); a missing one makes downgrading through the
     * revision an error rather than a silent no-op.
     */
    public boolean hasDowngrade() {
        return body().hasDowngradeSection();
    }

    @Override
    public Revision revision() {
        return revision;
    }

    @Override
    public String message() {
        String message = header.message();
        return message == null || message.isBlank() ? "empty message" : message;
    }

    @Override
    public String createDate() {
        return header.createDate();
    }

    @Override
    public String location() {
        return resource.location();
    }

    @Override
    public boolean foreignKeysOff() {
        return header.foreignKeysOff();
    }

    @Override
    public boolean transactional() {
        return header.transactional();
    }

    /**
     * The checksum of the file as it is now. When the body was not needed yet, only the checksum is computed
     * (a status report over a thousand applied scripts need not split them all into statements).
     */
    @Override
    public String checksum() {
        synchronized (bodyLock) {
            if (body != null) {
                return body.checksum();
            }
            if (checksum == null) {
                // a matching index was written from these very bytes (the jar's CRC-32 and size said so)
                checksum = resource.indexed() != null ? resource.indexed().checksum() : Checksum.ofResource(resource);
            }
            return checksum;
        }
    }

    private ScriptBody body() {
        synchronized (bodyLock) {
            return body == null ? body(SqlSyntax.STANDARD, MigrationArguments.NONE) : body;
        }
    }

    /** The body split by {@code syntax}'s rules: read again only when another syntax or other arguments ask for it. */
    private ScriptBody body(SqlSyntax syntax, MigrationArguments arguments) {
        synchronized (bodyLock) {
            if (body == null || !body.syntax().equals(syntax) || !body.arguments().equals(arguments)) {
                body = ScriptBody.read(resource, header, syntax, arguments);
            }
            return body;
        }
    }

    @Override
    public String toString() {
        return "SqlMigrationScript[" + revision.id() + " at " + location() + "]";
    }
}
