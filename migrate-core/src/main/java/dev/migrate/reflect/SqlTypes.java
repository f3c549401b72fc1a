package dev.migrate.reflect;

import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Type names to {@link ColumnType}: SQLite's declared type text, and PostgreSQL's catalog type with its
 * modifier. The mapping is listed in the package documentation; the model side can parse a declared type
 * with {@link #parseDeclared(String)} to get the same value.
 */
public final class SqlTypes {

    /** Compiled once: a declared type is parsed per column, when reflecting SQLite and when translating models. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    private SqlTypes() {
    }

    /** A declared type as written in DDL (SQLite keeps it verbatim). */
    public static ColumnType parseDeclared(String declared) {
        String text = declared == null ? "" : WHITESPACE.matcher(declared.trim()).replaceAll(" ");
        if (text.isEmpty()) {
            // an untyped SQLite column takes any value; STRICT tables spell that ANY
            return ColumnType.other("ANY");
        }
        int open = text.indexOf('(');
        String base = (open < 0 ? text : text.substring(0, open)).trim().toUpperCase(Locale.ROOT);
        List<Integer> params = open < 0 ? List.of() : parameters(text.substring(open + 1, text.lastIndexOf(')') > open
                ? text.lastIndexOf(')') : text.length()));
        if (params == null) {
            return ColumnType.other(text);
        }
        Integer first = params.isEmpty() ? null : params.get(0);
        Integer second = params.size() > 1 ? params.get(1) : null;
        return switch (base) {
            case "INTEGER", "INT", "INT4" -> ColumnType.of(GenericType.INTEGER);
            case "BIGINT", "INT8" -> ColumnType.of(GenericType.BIGINT);
            case "SMALLINT", "INT2" -> ColumnType.of(GenericType.SMALLINT);
            case "VARCHAR", "CHARACTER VARYING", "NVARCHAR", "VARYING CHARACTER", "NATIONAL VARYING CHARACTER" ->
                    ColumnType.varchar(first);
            case "CHAR", "CHARACTER", "NCHAR", "NATIVE CHARACTER" ->
                    new ColumnType(GenericType.CHAR, first, null, null, null);
            case "TEXT", "CLOB" -> ColumnType.of(GenericType.TEXT);
            case "BOOLEAN", "BOOL" -> ColumnType.of(GenericType.BOOLEAN);
            case "REAL", "FLOAT", "FLOAT4" -> ColumnType.of(GenericType.REAL);
            case "DOUBLE", "DOUBLE PRECISION", "FLOAT8" -> ColumnType.of(GenericType.DOUBLE);
            case "NUMERIC", "DECIMAL" -> ColumnType.decimal(first, second);
            case "DATE" -> ColumnType.of(GenericType.DATE);
            case "TIME" -> new ColumnType(GenericType.TIME, null, first, null, null);
            case "DATETIME", "TIMESTAMP" -> new ColumnType(GenericType.TIMESTAMP, null, first, null, null);
            case "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE" ->
                    new ColumnType(GenericType.TIMESTAMP_WITH_TIME_ZONE, null, first, null, null);
            case "BLOB" -> ColumnType.of(GenericType.BINARY);
            case "UUID" -> ColumnType.of(GenericType.UUID);
            case "JSON" -> ColumnType.of(GenericType.JSON);
            default -> ColumnType.other(text);
        };
    }

    /** The numbers in a type's parentheses, or null when they are not plain numbers. */
    private static List<Integer> parameters(String inside) {
        List<Integer> values = new ArrayList<>();
        for (String part : inside.split(",")) {
            String value = part.trim();
            if (!NUMBER.matcher(value).matches()) {
                return null;
            }
            values.add(Integer.parseInt(value));
        }
        return values;
    }

    /**
     * A PostgreSQL column type from the catalog: {@code typname} (the internal name, e.g. {@code int4},
     * {@code bpchar}), {@code typtype} (b, e, d, ...), the column's {@code atttypmod}, and what
     * {@code format_type} renders (kept for types the engine does not know).
     */
    public static ColumnType fromPostgres(String typname, String typtype, int typmod, String formatted) {
        if (typtype != null && !typtype.equals("b")) {
            return ColumnType.other(formatted); // enums, domains, composites, ranges
        }
        return switch (typname) {
            case "int2" -> ColumnType.of(GenericType.SMALLINT);
            case "int4" -> ColumnType.of(GenericType.INTEGER);
            case "int8" -> ColumnType.of(GenericType.BIGINT);
            case "varchar" -> ColumnType.varchar(typmod >= 4 ? typmod - 4 : null);
            case "bpchar" -> new ColumnType(GenericType.CHAR, typmod >= 4 ? typmod - 4 : null, null, null, null);
            case "text" -> ColumnType.of(GenericType.TEXT);
            case "bool" -> ColumnType.of(GenericType.BOOLEAN);
            case "numeric" -> typmod >= 4
                    ? ColumnType.decimal(((typmod - 4) >> 16) & 0xffff, (typmod - 4) & 0xffff)
                    : ColumnType.decimal(null, null);
            case "float4" -> ColumnType.of(GenericType.REAL);
            case "float8" -> ColumnType.of(GenericType.DOUBLE);
            case "date" -> ColumnType.of(GenericType.DATE);
            case "time" -> new ColumnType(GenericType.TIME, null, typmod >= 0 ? typmod : null, null, null);
            case "timestamp" -> new ColumnType(GenericType.TIMESTAMP, null, typmod >= 0 ? typmod : null, null, null);
            case "timestamptz" ->
                    new ColumnType(GenericType.TIMESTAMP_WITH_TIME_ZONE, null, typmod >= 0 ? typmod : null, null, null);
            case "bytea" -> ColumnType.of(GenericType.BINARY);
            case "uuid" -> ColumnType.of(GenericType.UUID);
            case "json" -> ColumnType.of(GenericType.JSON);
            default -> ColumnType.other(formatted); // jsonb, arrays, timetz, interval, inet, ...
        };
    }

    /**
     * A MariaDB or MySQL column type from {@code information_schema.COLUMNS}: {@code DATA_TYPE}, {@code COLUMN_TYPE}
     * (kept for types the engine does not know: {@code enum('a','b')}, {@code int(10) unsigned}), the character
     * length, numeric precision and scale, and the fractional seconds. {@code tinyint(1)} is BOOLEAN; a
     * {@code datetime} is TIMESTAMP and a {@code timestamp} (stored in UTC) TIMESTAMP_WITH_TIME_ZONE.
     */
    public static ColumnType fromMariaDb(String dataType, String columnType, Long length, int precision, int scale,
                                         int fraction) {
        String type = columnType.toLowerCase(Locale.ROOT);
        if (type.contains("unsigned") || type.contains("zerofill")) {
            return ColumnType.other(columnType);
        }
        Integer seconds = fraction > 0 ? fraction : null;
        return switch (dataType.toLowerCase(Locale.ROOT)) {
            case "tinyint" -> type.equals("tinyint(1)") ? ColumnType.of(GenericType.BOOLEAN) : ColumnType.other(columnType);
            case "smallint" -> ColumnType.of(GenericType.SMALLINT);
            case "int" -> ColumnType.of(GenericType.INTEGER);
            case "bigint" -> ColumnType.of(GenericType.BIGINT);
            case "decimal" -> ColumnType.decimal(precision, scale);
            case "float" -> ColumnType.of(GenericType.REAL);
            case "double" -> ColumnType.of(GenericType.DOUBLE);
            case "varchar" -> ColumnType.varchar(length == null ? null : length.intValue());
            case "char" -> new ColumnType(GenericType.CHAR, length == null ? null : length.intValue(), null, null, null);
            case "text" -> ColumnType.of(GenericType.TEXT);
            case "date" -> ColumnType.of(GenericType.DATE);
            case "time" -> new ColumnType(GenericType.TIME, null, seconds, null, null);
            case "datetime" -> new ColumnType(GenericType.TIMESTAMP, null, seconds, null, null);
            case "timestamp" -> new ColumnType(GenericType.TIMESTAMP_WITH_TIME_ZONE, null, seconds, null, null);
            case "blob" -> ColumnType.of(GenericType.BINARY);
            case "json" -> ColumnType.of(GenericType.JSON);
            case "uuid" -> ColumnType.of(GenericType.UUID);
            default -> ColumnType.other(columnType);
        };
    }

    /** The length H2 reports for a {@code VARCHAR}, {@code VARBINARY} or {@code JSON} declared without one. */
    private static final long H2_UNBOUNDED = 1_000_000_000L;

    /**
     * An H2 2.x column type from {@code INFORMATION_SCHEMA.COLUMNS}: {@code DATA_TYPE} (the standard's names:
     * {@code CHARACTER VARYING}, {@code CHARACTER LARGE OBJECT}, {@code DOUBLE PRECISION}...), the character length,
     * the declared numeric precision and scale (null where none was written), and an {@code ENUM}'s quoted values. Time precisions are not kept, as on
     * PostgreSQL; a length-less {@code VARCHAR} reports H2's maximum and reads back without one.
     */
    public static ColumnType fromH2(String dataType, Long length, Integer precision, Integer scale,
                                    String enumValues) {
        Integer size = length == null || length >= H2_UNBOUNDED ? null : length.intValue();
        return switch (dataType) {
            case "SMALLINT" -> ColumnType.of(GenericType.SMALLINT);
            case "INTEGER" -> ColumnType.of(GenericType.INTEGER);
            case "BIGINT" -> ColumnType.of(GenericType.BIGINT);
            case "BOOLEAN" -> ColumnType.of(GenericType.BOOLEAN);
            case "NUMERIC", "DECIMAL" -> ColumnType.decimal(precision, precision == null ? null : scale);
            case "REAL" -> ColumnType.of(GenericType.REAL);
            case "DOUBLE PRECISION" -> ColumnType.of(GenericType.DOUBLE);
            case "CHARACTER VARYING" -> ColumnType.varchar(size);
            case "CHARACTER" -> new ColumnType(GenericType.CHAR, size, null, null, null);
            case "CHARACTER LARGE OBJECT" -> ColumnType.of(GenericType.TEXT);
            case "DATE" -> ColumnType.of(GenericType.DATE);
            case "TIME" -> ColumnType.of(GenericType.TIME);
            case "TIMESTAMP" -> ColumnType.of(GenericType.TIMESTAMP);
            case "TIMESTAMP WITH TIME ZONE" -> ColumnType.of(GenericType.TIMESTAMP_WITH_TIME_ZONE);
            case "BINARY VARYING" -> size == null ? ColumnType.of(GenericType.BINARY)
                    : ColumnType.other("BINARY VARYING(" + size + ")");
            case "UUID" -> ColumnType.of(GenericType.UUID);
            case "JSON" -> ColumnType.of(GenericType.JSON);
            case "ENUM" -> ColumnType.other("ENUM(" + enumValues + ")");
            default -> ColumnType.other(size == null ? dataType : dataType + "(" + size + ")");
        };
    }
}
