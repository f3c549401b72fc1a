package dev.migrate.schema;

import java.util.Objects;

/**
 * A column's type: the generic kind with its length (VARCHAR, CHAR), or precision and scale (DECIMAL),
 * and for {@link GenericType#OTHER} the database's own type name.
 */
public record ColumnType(GenericType generic, Integer length, Integer precision, Integer scale, String raw) {

    public ColumnType {
        Objects.requireNonNull(generic, "generic");
        if (generic == GenericType.OTHER && (raw == null || raw.isBlank())) {
            throw new IllegalArgumentException("a type the engine does not know needs its raw name");
        }
    }

    public static ColumnType of(GenericType generic) {
        return new ColumnType(generic, null, null, null, null);
    }

    public static ColumnType varchar(Integer length) {
        return new ColumnType(GenericType.VARCHAR, length, null, null, null);
    }

    public static ColumnType decimal(Integer precision, Integer scale) {
        return new ColumnType(GenericType.DECIMAL, null, precision, scale, null);
    }

    public static ColumnType other(String raw) {
        return new ColumnType(GenericType.OTHER, null, null, null, raw);
    }

    @Override
    public String toString() {
        if (generic == GenericType.OTHER) {
            return raw;
        }
        if (length != null) {
            return generic + "(" + length + ")";
        }
        if (precision != null) {
            return generic + "(" + precision + (scale != null ? ", " + scale : "") + ")";
        }
        return generic.toString();
    }
}
