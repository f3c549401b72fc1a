package dev.migrate.graph;

/** Which way a step moves the database. */
public enum Direction {
    UPGRADE, DOWNGRADE;

    public String label() {
        return this == UPGRADE ? "upgrade" : "downgrade";
    }
}
