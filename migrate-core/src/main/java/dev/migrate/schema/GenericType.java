package dev.migrate.schema;

/**
 * The portable column types that models speak and that reflection normalises to, so that an unchanged
 * model compares equal to its table. {@link #OTHER} keeps a type the engine does not know by its raw name.
 */
public enum GenericType {
    SMALLINT, INTEGER, BIGINT,
    BOOLEAN,
    DECIMAL, REAL, DOUBLE,
    VARCHAR, CHAR, TEXT,
    DATE, TIME, TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE,
    BINARY, UUID, JSON,
    OTHER
}
