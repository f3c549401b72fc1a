package dev.migrate.hibernate;

import dev.migrate.reflect.SqlTypes;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hibernate's SQL type text for a column ({@code varchar(255)}, {@code timestamp(6) with time zone},
 * {@code float(53)}, {@code bytea}) to the engine's {@link ColumnType}, the same value reflection reads back from
 * a column created with that text. What the engine does not know stays {@link GenericType#OTHER} by its text.
 */
final class HibernateTypes {

    private static final Pattern WITH_TIME_ZONE =
            Pattern.compile("(timestamp|time)\\s*(?:\\((\\d+)\\))?\\s+with time zone", Pattern.CASE_INSENSITIVE);
    private static final Pattern FLOAT = Pattern.compile("float\\s*\\((\\d+)\\)", Pattern.CASE_INSENSITIVE);
    /** Compiled once: a column's type is parsed for every column of every entity (String.replaceAll compiles each time). */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private HibernateTypes() {
    }

    static ColumnType parse(String sqlType) {
        String text = WHITESPACE.matcher(sqlType.strip()).replaceAll(" ");
        Matcher zoned = WITH_TIME_ZONE.matcher(text);
        if (zoned.matches()) {
            Integer precision = zoned.group(2) == null ? null : Integer.valueOf(zoned.group(2));
            return zoned.group(1).equalsIgnoreCase("timestamp")
                    ? new ColumnType(GenericType.TIMESTAMP_WITH_TIME_ZONE, null, precision, null, null)
                    : ColumnType.other(text.toLowerCase(Locale.ROOT)); // timetz: the engine keeps it by name
        }
        Matcher floating = FLOAT.matcher(text);
        if (floating.matches()) {
            // SQL's float(p): binary precision up to 24 is a 4-byte real, above it a double (PostgreSQL's rule)
            return ColumnType.of(Integer.parseInt(floating.group(1)) <= 24 ? GenericType.REAL : GenericType.DOUBLE);
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "bytea" -> ColumnType.of(GenericType.BINARY);
            default -> SqlTypes.parseDeclared(text);
        };
    }
}
