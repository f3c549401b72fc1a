package dev.migrate.schema;

import dev.migrate.schema.annotation.Check;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Transient;
import dev.migrate.schema.annotation.Unmanaged;
import dev.migrate.schema.annotation.VirtualTable;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads annotated classes and records ({@code dev.migrate.schema.annotation}) into tables. Columns come in
 * declaration order: record components in their order, class fields superclass first, each class's in the order
 * {@link Class#getDeclaredFields()} gives (declaration order on HotSpot and OpenJ9). Unnamed constraints are named by
 * {@link NamingConvention}; types are inferred by {@link JavaTypes}. Constraint lists are sorted by name.
 */
public final class ModelReader {

    private static final Set<GenericType> INTEGERS = Set.of(GenericType.SMALLINT, GenericType.INTEGER, GenericType.BIGINT);

    private ModelReader() {
    }

    /** The models as the only source: read, and foreign keys checked against these tables. */
    public static Schema read(Class<?>... classes) {
        return read(Arrays.asList(classes));
    }

    /** The models as the only source: read, and foreign keys checked against these tables. */
    public static Schema read(Collection<? extends Class<?>> classes) {
        return ModelSources.merge(ModelSource.annotated(classes)).schema();
    }

    /** One model's table; its foreign keys are not checked against other tables (see {@link ModelSources#merge}). */
    public static Table readTable(Class<?> type) {
        return readTable(type, new LinkedHashMap<>());
    }

    /** Reads the classes into a source that remembers which class and field declared each table and column. */
    static ModelSource source(Collection<? extends Class<?>> classes) {
        Map<String, String> origins = new LinkedHashMap<>();
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            Map<String, String> tableOrigins = new LinkedHashMap<>();
            Table table = readTable(type, tableOrigins);
            if (tables.containsKey(table.name())) {
                throw new ModelException(type.getName() + ": table '" + table.name() + "' is already declared by "
                        + origins.get(table.name()) + "; give one of them another @Table(name = ...)");
            }
            tables.put(table.name(), table);
            origins.putAll(tableOrigins);
        }
        Schema schema = Schema.of(List.copyOf(tables.values())).withEnumTypes(enumTypes(classes));
        return new ModelSource() {
            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public String origin(String table, String column) {
                String origin = origins.get(column == null ? table : table + "." + column);
                return origin != null ? origin : ModelSource.super.origin(table, column);
            }
        };
    }

    /**
     * The PostgreSQL enum types that {@code @Column(enumType = ...)} fields name, each with its Java enum's constant
     * names as labels; two fields naming one type must agree on the labels.
     */
    private static List<Schema.EnumType> enumTypes(Collection<? extends Class<?>> classes) {
        Map<String, Schema.EnumType> types = new LinkedHashMap<>();
        Map<String, String> declaredBy = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            if (type.getAnnotation(dev.migrate.schema.annotation.Table.class) == null) {
                continue;
            }
            for (Member member : members(type)) {
                var column = member.element().getAnnotation(dev.migrate.schema.annotation.Column.class);
                if (column == null || column.enumType().isBlank() || !member.type().isEnum()) {
                    continue;
                }
                List<String> labels = Arrays.stream(member.type().getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name()).toList();
                String where = type.getName() + "." + member.name();
                Schema.EnumType previous = types.putIfAbsent(column.enumType(),
                        new Schema.EnumType(column.enumType(), labels));
                declaredBy.putIfAbsent(column.enumType(), where);
                if (previous != null && !previous.labels().equals(labels)) {
                    throw new ModelException(where + ": enum type '" + column.enumType() + "' has labels " + labels
                            + " here but " + previous.labels() + " in " + declaredBy.get(column.enumType())
                            + "; use one Java enum for both fields");
                }
            }
        }
        return List.copyOf(types.values());
    }

    private record Member(String name, Class<?> type, AnnotatedElement element) {
    }

    private static Table readTable(Class<?> type, Map<String, String> origins) {
        String className = type.getName();
        var tableAnnotation = type.getAnnotation(dev.migrate.schema.annotation.Table.class);
        if (tableAnnotation == null || type.isInterface() || type.isEnum() || type.isAnnotation()) {
            throw new ModelException(className + " is not a model: annotate a class or record with @Table");
        }
        String tableName = tableAnnotation.name().isBlank()
                ? NamingConvention.snakeCase(type.getSimpleName()) : tableAnnotation.name();
        origins.put(tableName, className);
        TableBuilder builder = Table.builder(tableName).comment(tableAnnotation.comment());

        Map<String, String> fieldToColumn = new LinkedHashMap<>();
        List<Column> columns = new ArrayList<>();
        List<Member> idMembers = new ArrayList<>();
        List<String> idColumns = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        for (Member member : members(type)) {
            String where = className + "." + member.name();
            var column = member.element().getAnnotation(dev.migrate.schema.annotation.Column.class);
            String columnName = column != null && !column.name().isBlank()
                    ? column.name() : NamingConvention.snakeCase(member.name());
            if (fieldToColumn.containsValue(columnName)) {
                throw new ModelException(where + ": column '" + columnName + "' is already declared in table '"
                        + tableName + "'; give one of them another @Column(name = ...)");
            }
            fieldToColumn.put(member.name(), columnName);
            origins.put(tableName + "." + columnName, where);

            ColumnType columnType = columnType(member, column, where);
            Id id = member.element().getAnnotation(Id.class);
            boolean nullable = (column == null || column.nullable()) && !member.type().isPrimitive() && id == null;
            String serverDefault = column == null || column.serverDefault().isBlank() ? null : column.serverDefault();
            columns.add(new Column(columnName, columnType, nullable, serverDefault, false, null,
                    column == null ? null : column.comment()));
            if (id != null) {
                idMembers.add(member);
                idColumns.add(columnName);
            }
            var foreignKey = member.element().getAnnotation(dev.migrate.schema.annotation.ForeignKey.class);
            if (foreignKey != null) {
                if (foreignKey.table().isBlank() || foreignKey.column().isBlank()) {
                    throw new ModelException(where + ": @ForeignKey needs the referred table and column");
                }
                String name = foreignKey.name().isBlank()
                        ? NamingConvention.foreignKey(tableName, List.of(columnName), foreignKey.table())
                        : foreignKey.name();
                foreignKeys.add(new ForeignKey(name, List.of(columnName), foreignKey.table(),
                        List.of(foreignKey.column()), foreignKey.onDelete(), foreignKey.onUpdate()));
            }
            if (column != null && column.unique()) {
                uniques.add(new UniqueConstraint(NamingConvention.unique(tableName, List.of(columnName)),
                        List.of(columnName)));
            }
            if (column != null && column.index()) {
                indexes.add(new Index(NamingConvention.index(tableName, List.of(columnName)), List.of(columnName), false));
            }
        }
        if (columns.isEmpty()) {
            throw new ModelException(className + ": model of table '" + tableName + "' has no columns");
        }

        // autoincrement: SQLAlchemy's "auto" - a single integer key column that is not a foreign key
        if (idMembers.size() == 1) {
            Member idMember = idMembers.get(0);
            int index = columns.indexOf(columns.stream().filter(c -> c.name().equals(idColumns.get(0))).findFirst()
                    .orElseThrow());
            Column idColumn = columns.get(index);
            boolean auto = idMember.element().getAnnotation(Id.class).autoincrement()
                    && INTEGERS.contains(idColumn.type().generic())
                    && idMember.element().getAnnotation(dev.migrate.schema.annotation.ForeignKey.class) == null;
            columns.set(index, idColumn.withAutoincrement(auto));
        }

        VirtualTable virtual = type.getAnnotation(VirtualTable.class);
        if (idColumns.isEmpty() && virtual == null) {
            throw new ModelException(className + ": model of table '" + tableName
                    + "' has no primary key; mark its key field(s) with @Id");
        }

        for (var unique : type.getAnnotationsByType(dev.migrate.schema.annotation.UniqueConstraint.class)) {
            List<String> names = resolve(unique.columns(), fieldToColumn, className, "@UniqueConstraint");
            uniques.add(new UniqueConstraint(
                    unique.name().isBlank() ? NamingConvention.unique(tableName, names) : unique.name(), names));
        }
        for (var index : type.getAnnotationsByType(dev.migrate.schema.annotation.Index.class)) {
            List<String> names = resolve(index.columns(), fieldToColumn, className, "@Index");
            List<String> include = index.include().length == 0 ? List.of()
                    : resolve(index.include(), fieldToColumn, className, "@Index(include)");
            indexes.add(new Index(index.name().isBlank() ? NamingConvention.index(tableName, names) : index.name(),
                    names, index.unique(), null, index.using(), index.where(), include));
        }
        List<CheckConstraint> checks = new ArrayList<>();
        for (Check check : type.getAnnotationsByType(Check.class)) {
            if (check.name().isBlank() || check.expression().isBlank()) {
                throw new ModelException(className + ": @Check needs a name (it becomes ck_" + tableName
                        + "_<name>) and an expression");
            }
            checks.add(new CheckConstraint(NamingConvention.check(tableName, check.name()), check.expression()));
        }

        columns.forEach(builder::column);
        if (!idColumns.isEmpty()) {
            builder.primaryKey(NamingConvention.primaryKey(tableName), idColumns.toArray(String[]::new));
        }
        sorted(foreignKeys, ForeignKey::name, className).forEach(builder::foreignKey);
        sorted(uniques, UniqueConstraint::name, className).forEach(builder::unique);
        sorted(indexes, Index::name, className).forEach(builder::index);
        sorted(checks, CheckConstraint::name, className).forEach(builder::check);
        if (virtual != null) {
            if (virtual.using().isBlank()) {
                throw new ModelException(className + ": @VirtualTable needs its module, e.g. using = \"fts5(title, content)\"");
            }
            builder.virtual("CREATE VIRTUAL TABLE " + tableName + " USING " + virtual.using());
        }
        if (type.isAnnotationPresent(Unmanaged.class)) {
            builder.unmanaged();
        }
        return builder.build();
    }

    private static List<Member> members(Class<?> type) {
        List<Member> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (!component.isAnnotationPresent(Transient.class)) {
                    members.add(new Member(component.getName(), component.getType(), component));
                }
            }
            return members;
        }
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                members.add(new Member(field.getName(), field.getType(), field));
            }
        }
        return members;
    }

    private static ColumnType columnType(Member member, dev.migrate.schema.annotation.Column column, String where) {
        Integer length = column == null || column.length() < 0 ? null : column.length();
        Integer precision = column == null || column.precision() < 0 ? null : column.precision();
        Integer scale = column == null || column.scale() < 0 ? null : column.scale();
        if (column != null && column.type().length > 1) {
            throw new ModelException(where + ": @Column(type = ...) takes one type, not " + column.type().length);
        }
        if (column != null && !column.enumType().isBlank()) {
            if (!member.type().isEnum() || !column.rawType().isBlank() || column.type().length > 0) {
                throw new ModelException(where + ": @Column(enumType = \"" + column.enumType() + "\") needs a Java "
                        + "enum field and no type or rawType; give the field an enum type or drop enumType");
            }
            return ColumnType.other(column.enumType());
        }
        if (column != null && !column.rawType().isBlank()) {
            if (column.type().length == 1 && column.type()[0] != GenericType.OTHER) {
                throw new ModelException(where + ": give either @Column(type = ...) or @Column(rawType = ...), not both");
            }
            return ColumnType.other(column.rawType());
        }
        if (column != null && column.type().length == 1) {
            GenericType generic = column.type()[0];
            if (generic == GenericType.OTHER) {
                throw new ModelException(where + ": type OTHER needs the database's type name: @Column(rawType = \"...\")");
            }
            checkSizes(where, generic, length, precision, scale);
            return JavaTypes.explicit(generic, length, precision, scale);
        }
        ColumnType inferred = JavaTypes.infer(member.type(), length, precision, scale).orElseThrow(() ->
                new ModelException(where + ": no column type for Java type " + member.type().getName()
                        + "; give @Column(type = GenericType...) or @Column(rawType = \"...\"), or mark it @Transient"));
        checkSizes(where, inferred.generic(), length, precision, scale);
        return inferred;
    }

    private static void checkSizes(String where, GenericType generic, Integer length, Integer precision, Integer scale) {
        if (length != null && !JavaTypes.takesLength(generic)) {
            throw new ModelException(where + ": a length applies to VARCHAR, CHAR and BINARY columns, not " + generic);
        }
        if ((precision != null || scale != null) && generic != GenericType.DECIMAL) {
            throw new ModelException(where + ": precision and scale apply to DECIMAL columns, not " + generic);
        }
    }

    private static List<String> resolve(String[] references, Map<String, String> fieldToColumn, String className,
                                        String what) {
        if (references.length == 0) {
            throw new ModelException(className + ": " + what + " names no columns");
        }
        List<String> names = new ArrayList<>();
        for (String reference : references) {
            if (fieldToColumn.containsValue(reference)) {
                names.add(reference);
            } else if (fieldToColumn.containsKey(reference)) {
                names.add(fieldToColumn.get(reference));
            } else {
                throw new ModelException(className + ": " + what + " names '" + reference
                        + "', which is neither a column nor a field of the model");
            }
        }
        return names;
    }

    private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, String> name, String className) {
        List<T> sorted = items.stream().sorted(Comparator.comparing(name)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (name.apply(sorted.get(i)).equals(name.apply(sorted.get(i - 1)))) {
                throw new ModelException(className + ": two constraints or indexes are named '"
                        + name.apply(sorted.get(i)) + "'");
            }
        }
        return sorted;
    }
}
