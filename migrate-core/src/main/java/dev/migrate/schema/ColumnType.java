package dev.migrate.schema;

import java.util.Objects;

/**
 * A column's type: the generic kind with its length (VARCHAR, CHAR), or precision and scale (DECIMAL),
 * and for {@link GenericType#OTHER} the database's own type name. On a known kind, {@code raw} is the spelling
 * the database declared (SQLite keeps {@code NVARCHAR(70)}, {@code DATETIME}, {@code INT} as written): rendered
 * as it is, ignored when comparing ({@link #meaning()}).
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

    /** The type as declared: {@code spelling} kept as {@code raw} when it is a known kind. */
    public ColumnType spelled(String spelling) {
        return generic == GenericType.OTHER || spelling == null || spelling.isBlank() ? this
                : new ColumnType(generic, length, precision, scale, spelling.strip());
    }

    /** What the type means, without the database's spelling of a known kind: what comparisons look at. */
    public ColumnType meaning() {
        return generic == GenericType.OTHER || raw == null ? this : new ColumnType(generic, length, precision, scale, null);
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
