package dev.migrate.hibernate;

import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Index;
import dev.migrate.schema.ModelException;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.schema.TableBuilder;
import dev.migrate.schema.UniqueConstraint;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.InitCommand;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.dialect.temptable.TemporaryTable;
import org.hibernate.dialect.temptable.TemporaryTableKind;
import org.hibernate.generator.Generator;
import org.hibernate.id.BulkInsertionCapableIdentifierGenerator;
import org.hibernate.id.OptimizableGenerator;
import org.hibernate.id.enhanced.Optimizer;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.Selectable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Hibernate's relational model ({@code metadata.getDatabase()}: namespaces of {@code org.hibernate.mapping.Table})
 * into the engine's {@link Schema}. Only reads what Hibernate decided: column types are
 * {@code Column.getSqlType(metadata)} for the dialect, constraints keep the names Hibernate gives them, so that our
 * script creates what Hibernate's own schema export would.
 */
final class MetamodelTables {

    private static final Logger log = LoggerFactory.getLogger(MetamodelTables.class);

    private static final Pattern CREATE_ENUM = Pattern.compile("(?is)create\\s+type\\s+(\"[^\"]+\"|\\S+)\\s+as\\s+enum\\s*"
            + "\\((.*)\\)\\s*;?");
    private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");

    private final Metadata metadata;
    private final Dialect dialect;
    private final String defaultSchema;
    private final String migratedSchema;
    private final boolean foldsToLowerCase;
    private final Map<String, Schema.EnumType> enumTypes;

    MetamodelTables(Metadata metadata, EntityModelSettings settings) {
        this.metadata = metadata;
        this.dialect = metadata.getDatabase().getDialect();
        this.defaultSchema = settings.defaultSchema();
        this.migratedSchema = settings.migratedSchema();
        this.foldsToLowerCase = foldsToLowerCase(metadata);
        this.enumTypes = enumTypes();
    }

    /**
     * The named enum types Hibernate would create itself ({@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)} on PostgreSQL: an
     * auxiliary object {@code create type Mood as enum ('A','B')}), by name folded as the database folds it.
     */
    private Map<String, Schema.EnumType> enumTypes() {
        Map<String, Schema.EnumType> types = new TreeMap<>();
        SqlStringGenerationContext context = SqlStringGenerationContextImpl.fromExplicit(
                metadata.getDatabase().getJdbcEnvironment(), metadata.getDatabase(), null, null);
        for (AuxiliaryDatabaseObject object : metadata.getDatabase().getAuxiliaryDatabaseObjects()) {
            if (!object.appliesToDialect(dialect)) {
                continue;
            }
            for (String create : object.sqlCreateStrings(context)) {
                Matcher matcher = CREATE_ENUM.matcher(create.strip());
                if (matcher.matches()) {
                    boolean quoted = matcher.group(1).startsWith("\"");
                    String name = name(quoted ? matcher.group(1).substring(1, matcher.group(1).length() - 1)
                            : matcher.group(1), quoted, foldsToLowerCase);
                    List<String> labels = new ArrayList<>();
                    Matcher label = LABEL.matcher(matcher.group(2));
                    while (label.find()) {
                        labels.add(label.group(1).replace("''", "'"));
                    }
                    types.put(name.toLowerCase(Locale.ROOT), new Schema.EnumType(name, labels));
                }
            }
        }
        return types;
    }

    Schema schema() {
        List<Table> tables = new ArrayList<>();
        // the sequences Hibernate draws GenerationType.SEQUENCE (and AUTO) ids from, with its allocation size as their
        // increment; only where the dialect has sequences (SQLite's emulates them with a table, which is in getTables)
        List<Schema.Sequence> sequences = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Sequence sequence : namespace.getSequences()) {
                sequences.add(Schema.Sequence.standalone(name(sequence.getName().getSequenceName().getText(),
                        sequence.getName().getSequenceName().isQuoted(), foldsToLowerCase), sequence.getInitialValue(),
                        sequence.getIncrementSize()));
            }
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                if (!table.isPhysicalTable()) {
                    continue; // views, subselects, union tables of TABLE_PER_CLASS roots
                }
                if (!inMigratedSchema(table)) {
                    log.warn("Entity table '{}.{}' is outside the schema migrated{}: left out of the comparison",
                            table.getSchema(), table.getName(), defaultSchema == null ? "" : " (" + defaultSchema + ")");
                    continue;
                }
                tables.add(table(table));
            }
        }
        tables.addAll(temporaryTables());
        return new Schema(tables, List.of(), List.of(), sequences, List.of(), List.copyOf(enumTypes.values()));
    }

    /**
     * The rows Hibernate inserts when it creates a table (the first row of a sequence it emulates with a table where
     * the dialect has none, SQLite's): without it Hibernate cannot draw an id, so the upgrade that creates the table
     * inserts it too, with Hibernate's own statement.
     */
    private List<String> firstRows(org.hibernate.mapping.Table table) {
        SqlStringGenerationContext context = SqlStringGenerationContextImpl.fromExplicit(
                metadata.getDatabase().getJdbcEnvironment(), metadata.getDatabase(), null, null);
        List<String> statements = new ArrayList<>();
        for (InitCommand command : table.getInitCommands(context)) {
            statements.addAll(List.of(command.initCommands()));
        }
        return statements;
    }

    /**
     * The tables Hibernate creates itself for updates and deletes across an entity hierarchy's tables (JOINED,
     * TABLE_PER_CLASS, secondary tables): {@code HT_<table>} and {@code HTE_<table>}; and for inserts into an entity
     * whose ids come from a pooled sequence or a table that emulates one: {@code HTE_<table>}. Where the dialect makes
     * them global or persistent (SQLite) they live in the schema from the first session factory on; declared
     * unmanaged, so that migrations neither drop them nor create them. Session-local ones are never seen.
     */
    private List<Table> temporaryTables() {
        if (dialect.getSupportedTemporaryTableKind() == TemporaryTableKind.LOCAL) {
            return List.of();
        }
        Set<String> names = new TreeSet<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            String base = tableName(entity.getTable(), metadata);
            if (entity.getRootClass().hasSubclasses() || entity.getJoinClosureSpan() > 0) {
                names.add(TemporaryTable.ID_TABLE_PREFIX + base);
                names.add(TemporaryTable.ENTITY_TABLE_PREFIX + base);
            } else if (entity instanceof RootClass root && insertsNeedAnEntityTable(root)) {
                names.add(TemporaryTable.ENTITY_TABLE_PREFIX + base);
            }
        }
        return names.stream().map(name -> Table.builder(name).unmanaged().build()).toList();
    }

    /**
     * Hibernate's own rule ({@code AbstractEntityPersister.generatorNeedsMultiTableInsert}): an entity whose id
     * generator hands out ids in blocks (a pooled optimizer) or cannot generate them inside an INSERT ... SELECT (a
     * sequence emulated with a table) gets an {@code HTE_} table for inserts. The generator is built for the question
     * only, as Hibernate builds it; one that cannot be built here is taken to need none.
     */
    private boolean insertsNeedAnEntityTable(RootClass entity) {
        try {
            Generator generator = entity.getIdentifier().createGenerator(dialect, entity);
            if (generator instanceof BulkInsertionCapableIdentifierGenerator bulk
                    && generator instanceof OptimizableGenerator optimizable) {
                Optimizer optimizer = optimizable.getOptimizer();
                return optimizer != null && optimizer.getIncrementSize() > 1
                        || !bulk.supportsBulkInsertionIdentifierGeneration();
            }
            return false;
        } catch (RuntimeException e) {
            log.debug("Could not build the id generator of {}: {}", entity.getEntityName(), e.toString());
            return false;
        }
    }

    /** The table's name as the database keeps it: unquoted names fold to lower case on PostgreSQL. */
    static String tableName(org.hibernate.mapping.Table table, Metadata metadata) {
        return name(table.getName(), table.isQuoted(), foldsToLowerCase(metadata));
    }

    private static boolean foldsToLowerCase(Metadata metadata) {
        return metadata.getDatabase().getDialect() instanceof PostgreSQLDialect;
    }

    private static String name(String name, boolean quoted, boolean folds) {
        return folds && !quoted ? name.toLowerCase(Locale.ROOT) : name;
    }

    private String name(org.hibernate.mapping.Column column) {
        return name(column.getName(), column.isQuoted(), foldsToLowerCase);
    }

    /**
     * A table without a schema of its own, in the default schema, or in the schema the migrations run in when known:
     * the schema migrated (reflected, compared).
     */
    private boolean inMigratedSchema(org.hibernate.mapping.Table table) {
        String schema = table.getSchema();
        return schema == null || schema.equalsIgnoreCase(defaultSchema) || schema.equalsIgnoreCase(migratedSchema);
    }

    private Table table(org.hibernate.mapping.Table mapped) {
        String tableName = tableName(mapped, metadata);
        // @Comment on the class, JPA 3.2's @Table(comment): Hibernate's COMMENT ON TABLE
        TableBuilder table = Table.builder(tableName).comment(mapped.getComment());
        for (org.hibernate.mapping.Column column : mapped.getColumns()) {
            table.column(column(tableName, column));
            if (column.isUnique() && !mapped.isPrimaryKey(column)) {
                // @Column(unique = true): Hibernate's export writes an inline, unnamed UNIQUE
                table.unique(new UniqueConstraint(null, List.of(name(column))));
            }
            columnChecks(column).forEach(table::check);
        }
        if (mapped.hasPrimaryKey()) {
            table.primaryKey(null, mapped.getPrimaryKey().getColumns().stream().map(this::name).toArray(String[]::new));
        }
        for (org.hibernate.mapping.ForeignKey key : mapped.getForeignKeyCollection()) {
            if (key.isCreationEnabled() && key.isPhysicalConstraint()) {
                table.foreignKey(foreignKey(key));
            }
        }
        mapped.getUniqueKeys().values().stream()
                .filter(unique -> !mapped.isRedundantUniqueKey(unique))
                .sorted(Comparator.comparing(org.hibernate.mapping.UniqueKey::getName))
                .forEach(unique -> table.unique(new UniqueConstraint(constraintName(unique.getName()),
                        names(unique.getColumns()))));
        mapped.getIndexes().values().stream()
                .sorted(Comparator.comparing(org.hibernate.mapping.Index::getName))
                .forEach(index -> table.index(index(tableName, index)));
        for (org.hibernate.mapping.CheckConstraint check : mapped.getChecks()) {
            table.check(check(check));
        }
        firstRows(mapped).forEach(table::firstRow);
        return table.build();
    }

    private Column column(String tableName, org.hibernate.mapping.Column mapped) {
        ColumnType type = HibernateTypes.parse(mapped.getSqlType(metadata));
        if (type.generic() == GenericType.OTHER && enumTypes.containsKey(type.raw().toLowerCase(Locale.ROOT))) {
            type = ColumnType.other(enumTypes.get(type.raw().toLowerCase(Locale.ROOT)).name());
        }
        Column column = Column.of(name(mapped), type)
                .withNullable(mapped.isNullable())
                .withServerDefault(mapped.getDefaultValue())
                .withAutoincrement(mapped.isIdentity())
                .withComment(mapped.getComment()); // @Comment on the field, JPA 3.2's @Column(comment)
        if (mapped.getGeneratedAs() != null) {
            throw new ModelException("column '" + tableName + "." + column.name() + "' is generated by the database ("
                    + mapped.getGeneratedAs() + "), which migrations from entities do not support yet; create it in "
                    + "a hand-written revision and exclude it with an IncludeObject");
        }
        return column;
    }

    private ForeignKey foreignKey(org.hibernate.mapping.ForeignKey key) {
        org.hibernate.mapping.Table referred = key.getReferencedTable();
        List<org.hibernate.mapping.Column> referredColumns = key.isReferenceToPrimaryKey()
                ? referred.getPrimaryKey().getColumns() : key.getReferencedColumns();
        return new ForeignKey(constraintName(key.getName()), names(key.getColumns()), tableName(referred, metadata),
                names(referredColumns), onDelete(key.getOnDeleteAction()), ReferentialAction.NO_ACTION);
    }

    private static ReferentialAction onDelete(OnDeleteAction action) {
        if (action == null) {
            return ReferentialAction.NO_ACTION;
        }
        return switch (action) {
            case CASCADE -> ReferentialAction.CASCADE;
            case SET_NULL -> ReferentialAction.SET_NULL;
            case SET_DEFAULT -> ReferentialAction.SET_DEFAULT;
            case RESTRICT -> ReferentialAction.RESTRICT;
            case NO_ACTION -> ReferentialAction.NO_ACTION;
        };
    }

    private Index index(String tableName, org.hibernate.mapping.Index index) {
        List<String> columns = new ArrayList<>();
        for (Selectable selectable : index.getSelectables()) {
            if (!(selectable instanceof org.hibernate.mapping.Column column)) {
                throw new ModelException("index '" + index.getName() + "' on '" + tableName + "' holds a formula ("
                        + selectable.getText() + "), which migrations from entities do not support yet");
            }
            columns.add(name(column));
        }
        return new Index(constraintName(index.getName()), columns, index.isUnique());
    }

    /**
     * A column's checks as Hibernate's export writes them: the unnamed ones as one {@code check (a and b)} (Bean
     * Validation's {@code @Min} and {@code @Max} are two), each named one on its own.
     */
    private List<CheckConstraint> columnChecks(org.hibernate.mapping.Column column) {
        List<org.hibernate.mapping.CheckConstraint> unnamed = column.getCheckConstraints().stream()
                .filter(org.hibernate.mapping.CheckConstraint::isAnonymous).toList();
        List<CheckConstraint> checks = new ArrayList<>();
        if (unnamed.size() == 1) {
            checks.add(check(unnamed.get(0)));
        } else if (unnamed.size() > 1) {
            checks.add(new CheckConstraint(null, unnamed.stream()
                    .map(org.hibernate.mapping.CheckConstraint::getConstraintInParens).collect(Collectors.joining(" and "))));
        }
        column.getCheckConstraints().stream().filter(org.hibernate.mapping.CheckConstraint::isNamed)
                .forEach(check -> checks.add(check(check)));
        return checks;
    }

    private CheckConstraint check(org.hibernate.mapping.CheckConstraint check) {
        return new CheckConstraint(check.isNamed() ? constraintName(check.getName()) : null, check.getConstraint());
    }

    /**
     * A constraint or index name as the database keeps it: Hibernate writes its generated names
     * ({@code FK6teg4kcjcnjhduguft56wcfoa}) unquoted, so PostgreSQL folds them to lower case; a quoted name keeps its case.
     */
    private String constraintName(String name) {
        if (name == null) {
            return null;
        }
        boolean quoted = name.length() > 1 && (name.startsWith("\"") || name.startsWith("`"));
        return quoted ? name.substring(1, name.length() - 1) : name(name, false, foldsToLowerCase);
    }

    private List<String> names(List<org.hibernate.mapping.Column> columns) {
        return columns.stream().map(this::name).toList();
    }
}
