package dev.migrate.schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The column type a Java type maps to when {@code @Column} does not give one:
 *
 * <pre>
 * String                          VARCHAR(length); without a length VARCHAR with none, as db.String
 *                                 (give type = TEXT for TEXT)
 * char, Character                 CHAR(length), CHAR(1) without one
 * short, Short, byte, Byte        SMALLINT
 * int, Integer                    INTEGER
 * long, Long                      BIGINT
 * boolean, Boolean                BOOLEAN
 * BigDecimal                      DECIMAL(precision, scale), each only when given
 * double, Double                  DOUBLE
 * float, Float                    REAL
 * LocalDate                       DATE
 * LocalTime                       TIME
 * LocalDateTime                   TIMESTAMP
 * OffsetDateTime, ZonedDateTime,
 * Instant                         TIMESTAMP_WITH_TIME_ZONE
 * byte[]                          BINARY(length), BINARY without one
 * UUID                            UUID
 * an enum                         VARCHAR(length of its longest constant): stored by name, as SQLAlchemy's
 *                                 non-native Enum and JPA's EnumType.STRING (no database enum type)
 * </pre>
 *
 * Anything else needs {@code @Column(type = ...)} or {@code @Column(rawType = ...)}, or {@code @Transient}.
 */
public final class JavaTypes {

    private static final Set<GenericType> WITH_LENGTH = Set.of(GenericType.VARCHAR, GenericType.CHAR, GenericType.BINARY);

    private JavaTypes() {
    }

    /** The inferred type, or empty when the Java type has no default mapping. Length, precision, scale may be null. */
    public static Optional<ColumnType> infer(Class<?> javaType, Integer length, Integer precision, Integer scale) {
        GenericType generic = generic(javaType);
        if (generic == null) {
            return Optional.empty();
        }
        return Optional.of(switch (generic) {
            case VARCHAR -> javaType.isEnum() && length == null
                    ? ColumnType.varchar(longestConstant(javaType))
                    : ColumnType.varchar(length);
            case CHAR -> new ColumnType(GenericType.CHAR, length == null ? 1 : length, null, null, null);
            case BINARY -> new ColumnType(GenericType.BINARY, length, null, null, null);
            case DECIMAL -> ColumnType.decimal(precision, scale);
            default -> ColumnType.of(generic);
        });
    }

    /** A type given explicitly: the lengths apply where the generic type has them. */
    public static ColumnType explicit(GenericType generic, Integer length, Integer precision, Integer scale) {
        return new ColumnType(generic, WITH_LENGTH.contains(generic) ? length : null,
                generic == GenericType.DECIMAL ? precision : null, generic == GenericType.DECIMAL ? scale : null, null);
    }

    /** Whether a length means something for this type. */
    public static boolean takesLength(GenericType generic) {
        return WITH_LENGTH.contains(generic);
    }

    private static GenericType generic(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return GenericType.VARCHAR;
        }
        if (type == char.class || type == Character.class) {
            return GenericType.CHAR;
        }
        if (type == short.class || type == Short.class || type == byte.class || type == Byte.class) {
            return GenericType.SMALLINT;
        }
        if (type == int.class || type == Integer.class) {
            return GenericType.INTEGER;
        }
        if (type == long.class || type == Long.class) {
            return GenericType.BIGINT;
        }
        if (type == boolean.class || type == Boolean.class) {
            return GenericType.BOOLEAN;
        }
        if (type == BigDecimal.class) {
            return GenericType.DECIMAL;
        }
        if (type == double.class || type == Double.class) {
            return GenericType.DOUBLE;
        }
        if (type == float.class || type == Float.class) {
            return GenericType.REAL;
        }
        if (type == LocalDate.class) {
            return GenericType.DATE;
        }
        if (type == LocalTime.class) {
            return GenericType.TIME;
        }
        if (type == LocalDateTime.class) {
            return GenericType.TIMESTAMP;
        }
        if (type == OffsetDateTime.class || type == ZonedDateTime.class || type == Instant.class) {
            return GenericType.TIMESTAMP_WITH_TIME_ZONE;
        }
        if (type == byte[].class) {
            return GenericType.BINARY;
        }
        if (type == java.util.UUID.class) {
            return GenericType.UUID;
        }
        return null;
    }

    private static int longestConstant(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).mapToInt(constant -> ((Enum<?>) constant).name().length())
                .max().orElse(1);
    }
}
