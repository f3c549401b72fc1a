package dev.migrate.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A whole schema: what the models describe, or what reflection read from a database. Reflection also
 * keeps the triggers and views (by the database's own DDL), which a SQLite table rebuild must restore.
 */
public record Schema(List<Table> tables, List<Trigger> triggers, List<View> views, List<Sequence> sequences,
                     List<NotKept> notKept, List<EnumType> enumTypes, List<Domain> domains) {

    public Schema {
        tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
        triggers = List.copyOf(triggers);
        views = List.copyOf(views);
        sequences = sequences == null ? List.of() : List.copyOf(sequences);
        notKept = notKept == null ? List.of() : List.copyOf(notKept);
        enumTypes = enumTypes == null ? List.of()
                : enumTypes.stream().sorted(Comparator.comparing(EnumType::name)).toList();
        domains = domains == null ? List.of() : domains.stream().sorted(Comparator.comparing(Domain::name)).toList();
    }

    public Schema(List<Table> tables, List<Trigger> triggers, List<View> views, List<Sequence> sequences,
                  List<NotKept> notKept, List<EnumType> enumTypes) {
        this(tables, triggers, views, sequences, notKept, enumTypes, List.of());
    }

    public Schema(List<Table> tables, List<Trigger> triggers, List<View> views, List<Sequence> sequences,
                  List<NotKept> notKept) {
        this(tables, triggers, views, sequences, notKept, List.of(), List.of());
    }

    public Schema(List<Table> tables, List<Trigger> triggers, List<View> views) {
        this(tables, triggers, views, List.of(), List.of());
    }

    public static Schema of(List<Table> tables) {
        return new Schema(tables, List.of(), List.of());
    }

    /** This schema with these enum types (a programmatic model declaring the PostgreSQL enum types its columns use). */
    public Schema withEnumTypes(List<EnumType> types) {
        return new Schema(tables, triggers, views, sequences, notKept, types, domains);
    }

    /**
     * This schema for a database without enum types (SQLite): each column of one of its enum types is a VARCHAR as
     * long as the type's longest label (what an enum field without an enum type is), and no enum types.
     */
    public Schema withEnumTypesAsText() {
        if (enumTypes.isEmpty()) {
            return this;
        }
        java.util.Map<String, Integer> longest = new java.util.HashMap<>();
        enumTypes.forEach(type -> longest.put(type.name().toLowerCase(java.util.Locale.ROOT),
                type.labels().stream().mapToInt(String::length).max().orElse(1)));
        List<Table> text = tables.stream().map(table -> table.withColumns(table.columns().stream()
                .map(column -> column.type().generic() != GenericType.OTHER ? column
                        : java.util.Optional.ofNullable(longest.get(column.type().raw().strip()
                                .toLowerCase(java.util.Locale.ROOT)))
                        .map(length -> column.withType(ColumnType.varchar(length))).orElse(column))
                .toList())).toList();
        return new Schema(text, triggers, views, sequences, notKept, List.of(), domains);
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /**
     * A trigger (or a PostgreSQL rule) as the database keeps it: its name, the table it fires on, its whole CREATE
     * statement, and the statements that give back what the catalog keeps beside it (its comment).
     */
    public record Trigger(String name, String table, String definition, List<String> restore) {

        public Trigger {
            restore = restore == null ? List.of() : List.copyOf(restore);
        }

        public Trigger(String name, String table, String definition) {
            this(name, table, definition, List.of());
        }

        /** Its CREATE statement, then the statements that restore what goes with it, as one text. */
        public String create() {
            return Schema.create(definition, restore);
        }
    }

    /**
     * A view (or materialized view) as the database keeps it: its name, its whole CREATE statement, the statements
     * that give back what the catalog keeps beside it (a materialized view's indexes, comments, grants), and, in words,
     * what re-creating it cannot give back ({@code owner alice}).
     */
    public record View(String name, String definition, List<String> restore, List<String> notKept) {

        public View {
            restore = restore == null ? List.of() : List.copyOf(restore);
            notKept = notKept == null ? List.of() : List.copyOf(notKept);
        }

        public View(String name, String definition) {
            this(name, definition, List.of(), List.of());
        }

        /** Its CREATE statement, then the statements that restore what goes with it, as one text. */
        public String create() {
            return Schema.create(definition, restore);
        }
    }

    private static String create(String definition, List<String> restore) {
        if (restore.isEmpty()) {
            return definition;
        }
        StringBuilder text = new StringBuilder(definition.strip());
        restore.forEach(statement -> text.append(text.toString().endsWith(";") ? "\n" : ";\n").append(statement));
        return text.toString();
    }

    /**
     * A sequence: one that a column owns (PostgreSQL's {@code serial}, {@code nextval('x_seq'::regclass)} defaults),
     * with the owning table and column, or a standalone one (a model's, such as the sequence Hibernate draws
     * {@code GenerationType.SEQUENCE} ids from), whose table and column are null; its CREATE SEQUENCE statement with
     * every option, and the two options a model says: its start and its increment (Hibernate's allocation size).
     */
    public record Sequence(String name, String table, String column, String definition, long start, long increment) {

        public Sequence(String name, String table, String column, String definition) {
            this(name, table, column, definition, 1, 1);
        }

        /** A sequence no column owns, created with only its start and increment said. */
        public static Sequence standalone(String name, long start, long increment) {
            return new Sequence(name, null, null, null, start, increment);
        }

        /** Whether a column owns it (it is then created and dropped with its table, never on its own). */
        public boolean owned() {
            return table != null;
        }
    }

    /**
     * Something on a table that autogenerate does not manage and cannot create again (a policy, grants, inheritance,
     * partitions, a publication...): the table, and what it is, in words ({@code policy film_policy}); for the
     * inheritance of a table from another, {@code parent} names the other (its children must be dropped first), and
     * {@code inheritedOnly} the table's columns that come from its parents alone, not declared by the table itself
     * ({@code attislocal} false): dropping the parent's column drops them, and they cannot be dropped on their own.
     */
    public record NotKept(String table, String what, String parent, List<String> inheritedOnly) {

        public NotKept {
            inheritedOnly = List.copyOf(inheritedOnly);
        }

        public NotKept(String table, String what) {
            this(table, what, null, List.of());
        }
    }

    /**
     * A PostgreSQL enum type: its name and its labels in their sort order. A column of the type keeps the type's
     * name as its raw type ({@link ColumnType#other}).
     */
    public record EnumType(String name, List<String> labels) {

        public EnumType {
            labels = List.copyOf(labels);
        }
    }

    /**
     * A PostgreSQL domain as the database keeps it: its name, its base type (as {@code format_type} writes it: an enum
     * type's name, {@code integer}...) and its whole CREATE DOMAIN statement (base type, default, NOT NULL, named
     * checks). Reflected only: dropped with its last user and created again from this.
     */
    public record Domain(String name, String baseType, String definition) {
    }
}
