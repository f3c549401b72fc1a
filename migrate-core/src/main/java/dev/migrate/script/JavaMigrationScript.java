package dev.migrate.script;

import dev.migrate.graph.Revision;

/** A {@link JavaMigration} taking its place in the revision graph. */
public record JavaMigrationScript(JavaMigration migration) implements MigrationScript {

    @Override
    public Revision revision() {
        return new Revision(migration.revision(), migration.revises(), migration.branchLabels(), migration.dependsOn());
    }

    @Override
    public String message() {
        String message = migration.message();
        return message == null || message.isBlank() ? "empty message" : message;
    }

    @Override
    public String createDate() {
        return null;
    }

    @Override
    public String location() {
        return migration.getClass().getName();
    }

    @Override
    public boolean transactional() {
        return migration.transactional();
    }

    @Override
    public String checksum() {
        return migration.checksum();
    }
}
