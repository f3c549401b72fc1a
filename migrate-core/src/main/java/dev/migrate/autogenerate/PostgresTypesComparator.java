package dev.migrate.autogenerate;

import dev.migrate.autogenerate.Step.Phase;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.op.ExecuteSql;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The schema objects of PostgreSQL that live beside the tables - standalone sequences, enum types, domains - compared
 * between the models and the database into steps that run before the tables (created, altered) or after them
 * (dropped). Other databases have none of them (or their readers do not read them): no steps.
 */
final class PostgresTypesComparator {

    private final Schema models;
    private final Schema database;
    private final Dialect dialect;
    private final CompareOptions options;
    private final List<Step> steps = new ArrayList<>();

    PostgresTypesComparator(Schema models, Schema database, Dialect dialect, CompareOptions options) {
        this.models = models;
        this.database = database;
        this.dialect = dialect;
        this.options = options;
    }

    /**
     * The steps for sequences, enum types and domains, knowing which tables the upgrade drops and which it compares
     * (a type goes only with its last user).
     */
    List<Step> compare(Set<String> droppedTables, Set<String> comparedTables) {
        if (!(dialect instanceof PostgresDialect)) {
            return List.of();
        }
        compareSequences();
        compareEnumTypes(droppedTables, comparedTables);
        return steps;
    }

    /**
     * The standalone sequences the models say (Hibernate's for {@code GenerationType.SEQUENCE} ids) against the
     * database's, on PostgreSQL (the only reader that reads them): a missing one is created before the tables, one
     * whose start or increment differs is altered, and one the models no longer have is dropped after the tables,
     * unless the models declare no sequence at all, unowned objects are kept or the user's {@link IncludeObject}
     * leaves it out (a hand-made sequence that annotated records cannot declare). A sequence a column owns is never compared here: it goes with its column.
     */
    private void compareSequences() {
        Map<String, Schema.Sequence> wanted = new TreeMap<>();
        models.sequences().stream().filter(sequence -> !sequence.owned())
                .forEach(sequence -> wanted.put(sequence.name(), sequence));
        Map<String, Schema.Sequence> present = new TreeMap<>();
        database.sequences().stream().filter(sequence -> !sequence.owned())
                .forEach(sequence -> present.put(sequence.name(), sequence));
        int order = Integer.MIN_VALUE;
        for (Schema.Sequence model : wanted.values()) {
            Schema.Sequence reflected = present.get(model.name());
            if (!options.includeObject().include(ObjectKind.SEQUENCE, model.name(), model, false, reflected)) {
                continue;
            }
            String name = dialect.quoteIfNeeded(model.name());
            if (reflected == null) {
                steps.add(new Step(new ExecuteSql(model.name(), createSequence(model), "DROP SEQUENCE " + name),
                        Phase.CREATE_TABLE, order++, List.of("Detected added sequence '" + model.name() + "' (start "
                                + model.start() + ", increment " + model.increment() + ")")));
            } else if (model.start() != reflected.start() || model.increment() != reflected.increment()) {
                steps.add(new Step(new ExecuteSql(model.name(), alterSequence(model), alterSequence(reflected)),
                        Phase.CREATE_TABLE, order++, List.of("Detected changed sequence '" + model.name() + "': start "
                                + reflected.start() + " to " + model.start() + ", increment " + reflected.increment()
                                + " to " + model.increment())));
            }
        }
        // Models that declare no sequence at all (annotated records cannot) say nothing about the database's:
        // dropping a hand-made sequence then would lose it silently, so only models that do declare some (JPA
        // entities with sequence ids) drop the standalone sequences they no longer have.
        if (options.keepUnownedTables() || wanted.isEmpty()) {
            return;
        }
        order = Integer.MAX_VALUE - present.size();
        for (Schema.Sequence reflected : present.values()) {
            if (!wanted.containsKey(reflected.name())
                    && options.includeObject().include(ObjectKind.SEQUENCE, reflected.name(), reflected, true, null)) {
                steps.add(new Step(new ExecuteSql(reflected.name(), "DROP SEQUENCE "
                        + dialect.quoteIfNeeded(reflected.name()), createSequence(reflected)), Phase.DROP_TABLE,
                        order++, List.of("Detected removed sequence '" + reflected.name() + "' (the downgrade creates "
                                + "it again from its start value)")));
            }
        }
    }

    /**
     * PostgreSQL enum types: one the models declare and the database lacks is created before the tables; labels the
     * models add (the database's labels still there, in their order) are added with {@code ALTER TYPE ... ADD VALUE}
     * at their place; a removed or reordered label takes a rebuild of the type, which is left to a hand-written
     * revision and said in a {@code -- WARNING}. A type the models do not declare is dropped after the tables only
     * with its last user: a table or column this upgrade drops (or a column it changes) used it and no table left
     * (in the models or the database) does; the downgrade then creates it first. A type nothing in the upgrade used is
     * left alone (models may not declare the types they have no column of). Domains, which models do not declare,
     * are only dropped so, with their last user, and created again from the database's own statement.
     */
    private void compareEnumTypes(Set<String> droppedTables, Set<String> comparedTables) {
        Map<String, Schema.EnumType> present = new TreeMap<>();
        database.enumTypes().forEach(type -> present.put(type.name(), type));
        Set<String> declared = new HashSet<>();
        int order = Integer.MIN_VALUE / 2; // after the sequences, before the tables that use them
        for (Schema.EnumType model : models.enumTypes()) {
            declared.add(model.name());
            Schema.EnumType reflected = present.get(model.name());
            if (!options.includeObject().include(ObjectKind.ENUM_TYPE, model.name(), model, false, reflected)) {
                continue;
            }
            String name = dialect.quoteIfNeeded(model.name());
            if (reflected == null) {
                steps.add(new Step(new ExecuteSql(model.name(), createEnumType(model), "DROP TYPE " + name),
                        Phase.CREATE_TABLE, order++, List.of("Detected added enum type '" + model.name() + "' "
                                + model.labels())));
            } else if (!model.labels().equals(reflected.labels())) {
                steps.add(changedEnumType(model, reflected, order++));
            }
        }
        if (options.keepUnownedTables()) {
            return;
        }
        // Domains (never declared by models): dropped with their last user, before the enum types they may be
        // over, and created again from the database's own definition, after them.
        Set<String> droppedDomains = new HashSet<>();
        order = Integer.MAX_VALUE / 2 - database.domains().size() - 1;
        for (Schema.Domain domain : database.domains()) {
            if (lastUserGoes(domain.name(), droppedTables, comparedTables)
                    && options.includeObject().include(ObjectKind.DOMAIN, domain.name(), domain, true, null)) {
                droppedDomains.add(domain.name());
                steps.add(new Step(new ExecuteSql(domain.name(), "DROP DOMAIN " + dialect.quoteIfNeeded(domain.name()),
                        domain.definition()), Phase.DROP_TABLE, order++, List.of("Detected removed domain '"
                                + domain.name() + "' (its last user is dropped; the downgrade creates it again "
                                + "first)")));
            }
        }
        order = Integer.MAX_VALUE / 2; // after the tables and domains that used them; first in the downgrade
        for (Schema.EnumType reflected : present.values()) {
            String type = reflected.name();
            // a domain over the type is one more user: one dropped now counts as a table dropped, one kept keeps it
            List<Schema.Domain> over = database.domains().stream()
                    .filter(domain -> unquoted(domain.baseType()).equals(type)).toList();
            boolean domainGoes = over.stream().anyMatch(domain -> droppedDomains.contains(domain.name()));
            boolean domainStays = over.stream().anyMatch(domain -> !droppedDomains.contains(domain.name()));
            if (!declared.contains(type) && !domainStays
                    && (domainGoes ? !usedAfter(type, droppedTables, comparedTables)
                            : lastUserGoes(type, droppedTables, comparedTables))
                    && options.includeObject().include(ObjectKind.ENUM_TYPE, type, reflected, true, null)) {
                steps.add(new Step(new ExecuteSql(type, "DROP TYPE " + dialect.quoteIfNeeded(type),
                        createEnumType(reflected)), Phase.DROP_TABLE, order++, List.of("Detected removed enum type '"
                                + type + "' (its last user is dropped; the downgrade creates it again first)")));
            }
        }
    }

    /**
     * Whether the upgrade takes away the last user of a type: before, a table it drops or compares (a column it drops
     * or changes) uses the type; after, no model's table does, nor a table it leaves alone (not compared: unowned,
     * excluded, unmanaged).
     */
    private boolean lastUserGoes(String type, Set<String> droppedTables, Set<String> comparedTables) {
        boolean usedBefore = database.tables().stream().anyMatch(table -> uses(table, type)
                && (droppedTables.contains(table.name()) || comparedTables.contains(table.name())));
        return usedBefore && !usedAfter(type, droppedTables, comparedTables);
    }

    private boolean usedAfter(String type, Set<String> droppedTables, Set<String> comparedTables) {
        return models.tables().stream().anyMatch(table -> table.managed() && uses(table, type))
                || database.tables().stream().anyMatch(table -> uses(table, type)
                        && !droppedTables.contains(table.name()) && !comparedTables.contains(table.name()));
    }

    /** New labels added where they go, or, for a removed or reordered label, a warning and nothing done. */
    private Step changedEnumType(Schema.EnumType model, Schema.EnumType reflected, int order) {
        String name = dialect.quoteIfNeeded(model.name());
        List<String> kept = model.labels().stream().filter(reflected.labels()::contains).toList();
        if (!kept.equals(reflected.labels())) {
            String warning = "-- WARNING: enum type " + model.name() + " has labels " + reflected.labels()
                    + ", the models say " + model.labels() + ": PostgreSQL cannot remove or reorder the labels of an"
                    + " enum type; write a hand-written revision that rebuilds the type (a new type, ALTER COLUMN ..."
                    + " TYPE ... USING, DROP TYPE, rename)";
            return new Step(new ExecuteSql(model.name(), warning, ""), Phase.CREATE_TABLE, order,
                    List.of("Detected changed enum type '" + model.name() + "': labels removed or reordered "
                            + reflected.labels() + " to " + model.labels() + " (not generated: needs a hand-written"
                            + " rebuild of the type)"));
        }
        List<String> statements = new ArrayList<>();
        statements.add("-- WARNING: a value added by ALTER TYPE ... ADD VALUE cannot be used in the transaction that"
                + " adds it (and before PostgreSQL 12 it cannot run in a transaction block); the downgrade leaves the"
                + " added values in the type (PostgreSQL cannot remove one)");
        List<String> added = new ArrayList<>();
        List<String> labels = model.labels();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (reflected.labels().contains(label)) {
                continue;
            }
            added.add(label);
            // after the label before it, which is there by now (or before the first one): ADD VALUE appends otherwise
            String place = reflected.labels().isEmpty() ? ""
                    : i == 0 ? " BEFORE " + literal(reflected.labels().get(0)) : " AFTER " + literal(labels.get(i - 1));
            statements.add("ALTER TYPE " + name + " ADD VALUE " + literal(label) + place);
        }
        String upgrade = statements.get(0) + "\n" + String.join(";\n", statements.subList(1, statements.size()));
        return new Step(new ExecuteSql(model.name(), upgrade, ""), Phase.CREATE_TABLE, order,
                List.of("Detected added value" + (added.size() == 1 ? " " : "s ") + String.join(", ", added.stream()
                        .map(label -> "'" + label + "'").toList()) + " of enum type '" + model.name() + "'"));
    }

    private String createEnumType(Schema.EnumType type) {
        return "CREATE TYPE " + dialect.quoteIfNeeded(type.name()) + " AS ENUM ("
                + String.join(", ", type.labels().stream().map(PostgresTypesComparator::literal).toList()) + ")";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Whether a column of the table has the type (or an array of it), as its raw type name says. */
    private static boolean uses(Table table, String typeName) {
        return table.columns().stream().map(column -> column.type().raw()).filter(java.util.Objects::nonNull)
                .map(PostgresTypesComparator::unquoted).anyMatch(typeName::equals);
    }

    /** A type name as format_type or a model writes it ({@code "Weird Type"[]}, {@code public.mood}) to the name. */
    private static String unquoted(String typeName) {
        return typeName.replaceAll("(\\[\\])+$", "").replace("\"", "").replaceFirst("^public\\.", "");
    }

    private String createSequence(Schema.Sequence sequence) {
        return "CREATE SEQUENCE " + dialect.quoteIfNeeded(sequence.name()) + " START WITH " + sequence.start()
                + " INCREMENT BY " + sequence.increment();
    }

    private String alterSequence(Schema.Sequence sequence) {
        return "ALTER SEQUENCE " + dialect.quoteIfNeeded(sequence.name()) + " START WITH " + sequence.start()
                + " INCREMENT BY " + sequence.increment();
    }
}
