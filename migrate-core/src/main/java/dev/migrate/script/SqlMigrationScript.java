package dev.migrate.script;

import dev.migrate.graph.Revision;

import java.util.List;

/** PLACEHOLDER: the script helper replaces this with the real, lazily parsed SQL script. */
public final class SqlMigrationScript implements MigrationScript {

    public List<Statement> upgradeStatements() {
        throw new UnsupportedOperationException("placeholder");
    }

    public List<Statement> downgradeStatements() {
        throw new UnsupportedOperationException("placeholder");
    }

    public ScriptResource resource() {
        throw new UnsupportedOperationException("placeholder");
    }

    @Override
    public Revision revision() {
        throw new UnsupportedOperationException("placeholder");
    }

    @Override
    public String message() {
        throw new UnsupportedOperationException("placeholder");
    }

    @Override
    public String createDate() {
        throw new UnsupportedOperationException("placeholder");
    }

    @Override
    public String location() {
        throw new UnsupportedOperationException("placeholder");
    }

    @Override
    public boolean transactional() {
        throw new UnsupportedOperationException("placeholder");
    }

    @Override
    public String checksum() {
        throw new UnsupportedOperationException("placeholder");
    }
}
