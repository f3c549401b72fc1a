package dev.migrate.autogenerate;

import dev.migrate.autogenerate.Step.Phase;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.sqlite.SqliteDialect;
import dev.migrate.op.AddForeignKey;
import dev.migrate.op.AlterColumn;
import dev.migrate.op.CreateTable;
import dev.migrate.op.DropColumn;
import dev.migrate.op.DropTable;
import dev.migrate.op.ExecuteSql;
import dev.migrate.op.RebuildTable;
import dev.migrate.op.RenameColumn;
import dev.migrate.op.RenameTable;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.Dependents;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.schema.TableKind;
import dev.migrate.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The schema-level comparator: which tables to compare at all (the built-in filters and the user's hook),
 * added, dropped and renamed tables, and the order of everything; tables found on both sides go to the
 * {@link TableComparator}. On SQLite, a table whose changes include one SQLite cannot ALTER is rebuilt instead.
 */
final class SchemaComparator {

    /** Shadow tables SQLite keeps for each virtual table: FTS5, FTS3/4, R-tree. */
    private static final List<String> SHADOW_SUFFIXES = List.of("_data", "_idx", "_content", "_docsize", "_config",
            "_segments", "_segdir", "_stat", "_node", "_rowid", "_parent");

    /**
     * SQLite keeps the keys of a cycle inside CREATE TABLE, and its DROP TABLE deletes the rows first: with
     * foreign keys enforced, whichever table of a cycle with rows is dropped first is still referred to by the
     * other. Deferred to the commit, the checks find both tables gone. (No effect when enforcement is off; it
     * ends with the transaction.)
     */
    private static final String DEFER_FOREIGN_KEYS = "-- tables that refer to each other: foreign keys checked at commit\n"
            + "PRAGMA defer_foreign_keys = ON";

    private final Schema models;
    private final Schema database;
    private final Dialect dialect;
    private final CompareOptions options;
    private final List<Step> steps = new ArrayList<>();

    SchemaComparator(Schema models, Schema database, Dialect dialect, CompareOptions options) {
        this.models = models;
        this.database = database;
        this.dialect = dialect;
        this.options = options;
    }

    Changes compare() {
        Set<String> virtual = new HashSet<>();
        for (Table table : concat(models.tables(), database.tables())) {
            if (table.kind() == TableKind.VIRTUAL) {
                virtual.add(table.name().toLowerCase(Locale.ROOT));
            }
        }
        Set<String> modelNames = new HashSet<>();
        Map<String, Table> added = new TreeMap<>();
        Map<String, Table[]> pairs = new TreeMap<>();
        for (Table model : models.tables()) {
            modelNames.add(model.name());
            if (!model.managed() || builtInSkip(model, virtual)) {
                continue;
            }
            Table reflected = database.table(model.name()).filter(table -> !builtInSkip(table, virtual)).orElse(null);
            if (!options.includeObject().include(ObjectKind.TABLE, model.name(), model, false, reflected)) {
                continue;
            }
            Table canonical = dialect.canonical(model);
            if (reflected == null) {
                added.put(model.name(), canonical);
            } else {
                pairs.put(model.name(), new Table[] {canonical, reflected});
            }
        }
        Map<String, Table> dropped = new TreeMap<>();
        for (Table reflected : database.tables()) {
            if (modelNames.contains(reflected.name()) || builtInSkip(reflected, virtual) || options.keepUnownedTables()
                    || options.ownedByLibrary(reflected.name())
                    || !options.includeObject().include(ObjectKind.TABLE, reflected.name(), reflected, true, null)) {
                continue;
            }
            dropped.put(reflected.name(), reflected);
        }

        Map<String, String> renamedTables = renameTables(added, dropped, pairs);
        if (!renamedTables.isEmpty()) {
            // Both databases point foreign keys at the new name when a table is renamed: compare (and drop, and
            // in the downgrade re-create) the other tables as they are after the rename, not before it.
            pairs.values().forEach(pair -> pair[1] = referringTo(pair[1], renamedTables));
            dropped.replaceAll((name, table) -> referringTo(table, renamedTables));
        }

        CreationOrder creates = CreationOrder.of(added.values(), dialect);
        int created = 0;
        for (Table table : creates.tables()) {
            steps.add(new Step(new CreateTable(table), Phase.CREATE_TABLE, created++));
        }
        for (AddForeignKey key : creates.laterKeys()) {
            // part of the added table, so no line of its own in db migrate's report
            steps.add(new Step(key, Phase.CREATE_TABLE, created++, List.of()));
        }
        if (creates.inlineCycles()) {
            // nothing in the upgrade; first in the downgrade, which drops the tables
            steps.add(new Step(new ExecuteSql(creates.tables().get(0).name(), "", DEFER_FOREIGN_KEYS),
                    Phase.CREATE_TABLE, created, List.of()));
        }
        int rank = 0;
        Set<String> altered = new TreeSet<>();
        Map<String, Set<String>> changedColumns = new TreeMap<>();
        Set<String> droppedColumns = new HashSet<>();
        Map<String, TableComparator> comparators = new LinkedHashMap<>();
        Map<String, List<Step>> foundByTable = new LinkedHashMap<>();
        for (Map.Entry<String, Table[]> pair : pairs.entrySet()) {
            TableComparator table = new TableComparator(pair.getValue()[0], pair.getValue()[1], dialect, options, rank++);
            comparators.put(pair.getKey(), table);
            foundByTable.put(pair.getKey(), table.compare());
        }
        Map<String, List<String>> carried = new HashMap<>();
        if (!(dialect instanceof SqliteDialect)) {
            foundByTable = new InheritedColumns(database).adjust(foundByTable, pairs, carried);
        }
        carried.forEach((table, columns) -> changedColumns.computeIfAbsent(table, name -> new TreeSet<>())
                .addAll(columns));
        for (Map.Entry<String, Table[]> pair : pairs.entrySet()) {
            Table model = pair.getValue()[0];
            Table reflected = pair.getValue()[1];
            TableComparator table = comparators.get(pair.getKey());
            List<Step> found = foundByTable.get(pair.getKey());
            if (!found.isEmpty()) {
                altered.add(reflected.name());
            }
            if (dialect instanceof SqliteDialect && needsRebuild(table, found, reflected)) {
                steps.addAll(rebuildSteps(model, reflected, found, table.rank()));
            } else {
                steps.addAll(found);
                for (Step step : found) {
                    String column = step.operation() instanceof DropColumn drop ? drop.column().name()
                            : step.operation() instanceof AlterColumn alter && alter.typeChanged() ? alter.from().name()
                            : null;
                    if (column != null) {
                        changedColumns.computeIfAbsent(reflected.name(), name -> new TreeSet<>()).add(column);
                    }
                    if (step.operation() instanceof DropColumn) {
                        droppedColumns.add(reflected.name() + "." + column);
                    }
                }
            }
        }
        // The exact inverse of creating them: the keys that closed cycles go first, then the tables, backwards.
        CreationOrder drops = CreationOrder.of(dropped.values(), dialect);
        List<Table> dropTables = parentsFirst(drops.tables());
        Map<String, List<Schema.View>> dependentViews = dependentViews(dropTables);
        Set<String> goingWithTables = new HashSet<>();
        dependentViews.values().forEach(views -> views.forEach(view -> goingWithTables.add(view.name())));
        Set<String> goingAway = new HashSet<>();
        dropTables.forEach(table -> goingAway.add(table.name().toLowerCase(Locale.ROOT)));
        goingWithTables.forEach(view -> goingAway.add(view.toLowerCase(Locale.ROOT)));
        Set<Schema.Trigger> rulesGone = dropRulesNaming(goingAway);
        recreateDependentsOfAltered(changedColumns, droppedColumns, goingWithTables, rulesGone);
        int order = 0;
        if (drops.inlineCycles()) {
            steps.add(new Step(new ExecuteSql(drops.tables().get(0).name(), DEFER_FOREIGN_KEYS, ""), Phase.DROP_TABLE,
                    order++, List.of()));
        }
        for (int i = drops.laterKeys().size() - 1; i >= 0; i--) {
            steps.add(new Step(drops.laterKeys().get(i).reverse(), Phase.DROP_TABLE, order++, List.of()));
        }
        for (int i = dropTables.size() - 1; i >= 0; i--) {
            Table table = dropTables.get(i);
            List<Schema.View> views = dependentViews.getOrDefault(table.name(), List.of());
            steps.add(new Step(new DropTable(table, dependents(table, views, goingAway, rulesGone)), Phase.DROP_TABLE,
                    order++));
        }

        steps.addAll(new PostgresTypesComparator(models, database, dialect, options)
                .compare(dropped.keySet(), pairs.keySet()));

        List<Step> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparing(Step::phase).thenComparingInt(Step::tableRank));
        return new Changes(dialect, ordered.stream().map(Step::operation).toList(),
                ordered.stream().flatMap(step -> step.descriptions().stream()).toList(), options.tablesWithRows(),
                notManaged(altered));
    }

    /**
     * For each table the upgrade alters (not drops: {@link Dependents} names those), what autogenerate does not manage
     * on it (policies, grants, publications, inheritance, partitioning: {@code Schema.NotKept}): left as it is, which
     * may not fit the change (a policy using a changed column makes the ALTER fail), so named, never silent.
     */
    private List<DataLossWarning> notManaged(Set<String> altered) {
        Map<String, List<String>> byTable = new TreeMap<>();
        for (Schema.NotKept object : database.notKept()) {
            if (altered.contains(object.table())) {
                byTable.computeIfAbsent(object.table(), table -> new ArrayList<>()).add(object.what());
            }
        }
        List<DataLossWarning> notes = new ArrayList<>();
        byTable.forEach((table, objects) -> notes.add(new DataLossWarning(DataLossWarning.Kind.NOT_KEPT, table, null,
                "the table has " + String.join(", ", objects) + ", not managed by autogenerate: left as they are by"
                        + " this change; check that they still fit it")));
        return notes;
    }

    private boolean builtInSkip(Table table, Set<String> virtual) {
        String name = table.name().toLowerCase(Locale.ROOT);
        if (table.kind() == TableKind.VIRTUAL || options.engineTables().contains(name) || name.startsWith("sqlite_")
                || name.startsWith("_migrate_new_")) {
            return true;
        }
        for (String suffix : SHADOW_SUFFIXES) {
            if (name.endsWith(suffix) && virtual.contains(name.substring(0, name.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
    }

    /** Pairs an added table with a dropped one that has the same columns, when the decider says it is a rename. */
    private Map<String, String> renameTables(Map<String, Table> added, Map<String, Table> dropped,
                                             Map<String, Table[]> pairs) {
        Map<String, String> renamedTables = new HashMap<>();
        int order = 0;
        for (Table model : List.copyOf(added.values())) {
            for (Table reflected : List.copyOf(dropped.values())) {
                if (!sameColumns(model, reflected)) {
                    continue;
                }
                if (options.renameDecider().isRename(new RenameCandidate(ObjectKind.TABLE, null, reflected.name(),
                        model.name()))) {
                    steps.add(new Step(new RenameTable(reflected.name(), model.name()), Phase.RENAME_TABLE, order++));
                    added.remove(model.name());
                    dropped.remove(reflected.name());
                    pairs.put(model.name(), new Table[] {model, renamed(reflected, model.name())});
                    renamedTables.put(reflected.name(), model.name());
                }
                break;
            }
        }
        return renamedTables;
    }

    /** The table with its foreign keys to renamed tables pointing at the new names. */
    private static Table referringTo(Table table, Map<String, String> renamedTables) {
        List<ForeignKey> keys = table.foreignKeys().stream().map(key -> renamedTables.containsKey(key.referredTable())
                ? new ForeignKey(key.name(), key.columns(), renamedTables.get(key.referredTable()), key.referredColumns(),
                        key.onDelete(), key.onUpdate())
                : key).toList();
        return keys.equals(table.foreignKeys()) ? table : table.withForeignKeys(keys);
    }

    private boolean sameColumns(Table model, Table reflected) {
        if (model.columns().size() != reflected.columns().size()) {
            return false;
        }
        for (Column column : model.columns()) {
            Optional<Column> other = reflected.column(column.name());
            if (other.isEmpty() || !TableComparator.sameType(dialect, column.type(), other.get().type())
                    || column.nullable() != other.get().nullable()) {
                return false;
            }
        }
        return true;
    }

    /** The table under its new name; its indexes' own statements name the old one, so they are not kept. */
    private static Table renamed(Table table, String name) {
        return table.with(name, table.columns(), table.primaryKey(), table.foreignKeys(), table.uniqueConstraints(),
                table.indexes().stream().map(Index::withoutDefinition).toList(), table.checks(), null);
    }

    private boolean needsRebuild(TableComparator table, List<Step> found, Table reflected) {
        return table.primaryKeyChanged() || found.stream().anyMatch(step -> step.phase().altersTable()
                && !dialect.supports(step.operation(), reflected));
    }

    /**
     * The rebuild, and the table's column renames after it as SQLite's own RENAME COLUMN: the rebuild restores
     * the table's triggers and views from their text as reflected, which still names the old columns, and
     * RENAME COLUMN then rewrites them (and the indexes and checks) the way SQLite does.
     */
    private List<Step> rebuildSteps(Table model, Table reflected, List<Step> found, int rank) {
        Map<String, String> oldNames = new LinkedHashMap<>();
        List<Step> renames = new ArrayList<>();
        for (Step step : found) {
            if (step.operation() instanceof RenameColumn rename) {
                oldNames.put(rename.to(), rename.from());
                renames.add(new Step(rename, Phase.DROP_COLUMN, rank, List.of()));
            }
        }
        List<Step> result = new ArrayList<>();
        result.add(rebuild(oldNames.isEmpty() ? model : withOldNames(model, oldNames), reflected, found, rank));
        result.addAll(renames);
        return result;
    }

    /** The model's table with renamed columns still under their old names, wherever the table names them. */
    private static Table withOldNames(Table table, Map<String, String> oldNames) {
        java.util.function.UnaryOperator<String> name = column -> oldNames.getOrDefault(column, column);
        java.util.function.Function<List<String>, List<String>> names = list -> list.stream().map(name).toList();
        List<Column> columns = table.columns().stream().map(column -> column.withName(name.apply(column.name()))).toList();
        PrimaryKey primaryKey = table.primaryKey() == null ? null
                : new PrimaryKey(table.primaryKey().name(), names.apply(table.primaryKey().columns()));
        List<ForeignKey> keys = table.foreignKeys().stream().map(key -> new ForeignKey(key.name(),
                names.apply(key.columns()), key.referredTable(), key.referredTable().equalsIgnoreCase(table.name())
                        ? names.apply(key.referredColumns()) : key.referredColumns(), key.onDelete(), key.onUpdate()))
                .toList();
        List<UniqueConstraint> uniques = table.uniqueConstraints().stream()
                .map(unique -> new UniqueConstraint(unique.name(), names.apply(unique.columns()))).toList();
        List<Index> indexes = table.indexes().stream().map(index -> index.withColumns(index.columns().stream()
                .map(element -> oldNames.containsKey(element) ? oldNames.get(element) : renameWords(element, oldNames))
                .toList()).where(index.where() == null ? null : renameWords(index.where(), oldNames))).toList();
        List<CheckConstraint> checks = table.checks().stream()
                .map(check -> new CheckConstraint(check.name(), renameWords(check.expression(), oldNames))).toList();
        return table.with(table.name(), columns, primaryKey, keys, uniques, indexes, checks, table.definition());
    }

    /** Column names in an expression of one table (a check, an index element) replaced, string literals left alone. */
    private static String renameWords(String expression, Map<String, String> oldNames) {
        StringBuilder out = new StringBuilder();
        String[] parts = expression.split("(?=')|(?<=')");
        boolean quoted = false;
        for (String part : parts) {
            if (part.equals("'")) {
                quoted = !quoted;
                out.append(part);
                continue;
            }
            String text = part;
            if (!quoted) {
                for (Map.Entry<String, String> rename : oldNames.entrySet()) {
                    text = text.replaceAll("(?i)(?<![A-Za-z0-9_$])(\"?)" + Pattern.quote(rename.getKey())
                            + "(\"?)(?![A-Za-z0-9_$])", "$1" + java.util.regex.Matcher.quoteReplacement(rename.getValue()) + "$2");
                }
            }
            out.append(text);
        }
        return out.toString();
    }

    /** One RebuildTable instead of the table's ALTERs: the new table is the model's, columns kept by name or rename. */
    private Step rebuild(Table model, Table reflected, List<Step> found, int rank) {
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, String> renamedColumns = new LinkedHashMap<>();
        found.stream().filter(step -> step.operation() instanceof RenameColumn)
                .map(step -> (RenameColumn) step.operation())
                .forEach(rename -> renamedColumns.put(rename.to(), rename.from()));
        for (Column column : model.columns()) {
            String source = renamedColumns.getOrDefault(column.name(), column.name());
            if (reflected.column(source).isPresent()) {
                sources.put(column.name(), source);
            }
        }
        List<Schema.Trigger> triggers = database.triggers().stream()
                .filter(trigger -> trigger.table().equalsIgnoreCase(reflected.name())
                        || mentions(trigger.definition(), reflected.name()))
                .toList();
        Set<String> readers = new HashSet<>(Set.of(reflected.name()));
        Set<String> viewNames = new TreeSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Schema.View view : database.views()) {
                if (!viewNames.contains(view.name()) && readers.stream().anyMatch(name -> mentions(view.definition(), name))) {
                    viewNames.add(view.name());
                    readers.add(view.name());
                    grew = true;
                }
            }
        }
        List<Schema.View> views = database.views().stream().filter(view -> viewNames.contains(view.name())).toList();
        List<String> descriptions = found.stream().flatMap(step -> step.descriptions().stream()).toList();
        return new Step(new RebuildTable(reflected, inTableOrder(model, reflected, sources), sources, triggers, views),
                Phase.ALTER_COLUMN, rank, descriptions);
    }

    /**
     * The model's table with its columns in the database table's order, new columns last in the model's order:
     * a rebuild must not reorder the columns that {@code SELECT *} and positional inserts rely on; nor respell
     * their declared types.
     */
    private Table inTableOrder(Table model, Table reflected, Map<String, String> sources) {
        Map<String, Column> bySource = new LinkedHashMap<>();
        List<Column> added = new ArrayList<>();
        for (Column column : model.columns()) {
            String source = sources.get(column.name());
            if (source == null) {
                added.add(column);
            } else {
                bySource.put(source, column);
            }
        }
        List<Column> ordered = new ArrayList<>();
        for (Column existing : reflected.columns()) {
            Column kept = bySource.remove(existing.name());
            if (kept != null) {
                // a type that means the same keeps the spelling the table declared (NVARCHAR(70), DATETIME, INT)
                ordered.add(TableComparator.sameType(dialect, kept.type(), existing.type())
                        ? kept.withType(existing.type()) : kept);
            }
        }
        ordered.addAll(bySource.values());
        ordered.addAll(added);
        return model.with(model.name(), ordered, model.primaryKey(), model.foreignKeys(), model.uniqueConstraints(),
                model.indexes(), model.checks(), model.definition());
    }

    /**
     * PostgreSQL refuses to change the type of, or drop, a column that a view, a rule or a trigger's column list or
     * {@code WHEN} uses ("cannot alter type of a column used by a view or rule"). Around the changes of the altered
     * tables: the views reading them (and the views reading those) with the triggers and rules on those views, and
     * the triggers and rules naming a changed column, are dropped before and created again after, from the
     * database's own statements; one that names a dropped column cannot come back: it is dropped with a
     * {@code -- WARNING} and a line in the output, and the downgrade creates it again after the column.
     */
    private void recreateDependentsOfAltered(Map<String, Set<String>> changedColumns, Set<String> droppedColumns,
                                             Set<String> goingWithTables, Set<Schema.Trigger> rulesGone) {
        if (changedColumns.isEmpty() || dialect instanceof SqliteDialect) {
            // SQLite: a rebuild restores the views itself, and DROP COLUMN keeps the views that do not read the column
            return;
        }
        List<Schema.View> views = viewsReading(changedColumns.keySet()).stream()
                .filter(view -> !goingWithTables.contains(view.name())).toList();
        Set<String> viewNames = new HashSet<>();
        views.forEach(view -> viewNames.add(view.name().toLowerCase(Locale.ROOT)));
        List<Schema.Trigger> triggers = new ArrayList<>();
        List<Schema.Trigger> lost = new ArrayList<>();
        for (Schema.Trigger trigger : database.triggers()) {
            if (rulesGone.contains(trigger)) {
                continue; // dropped before everything, not created again (dropRulesNaming)
            }
            if (viewNames.contains(trigger.table().toLowerCase(Locale.ROOT))) {
                triggers.add(trigger);
                continue;
            }
            for (Map.Entry<String, Set<String>> table : changedColumns.entrySet()) {
                boolean onOrNaming = trigger.table().equalsIgnoreCase(table.getKey())
                        || mentions(trigger.definition(), table.getKey());
                if (!onOrNaming) {
                    continue;
                }
                List<String> named = table.getValue().stream().filter(column -> mentions(trigger.definition(), column))
                        .toList();
                if (named.stream().anyMatch(column -> droppedColumns.contains(table.getKey() + "." + column))) {
                    lost.add(trigger);
                } else if (!named.isEmpty()) {
                    triggers.add(trigger);
                }
                break;
            }
        }
        int first = Integer.MIN_VALUE;
        for (Schema.Trigger trigger : lost) {
            String warning = "-- WARNING: " + DataLoss.kindOf(trigger) + " " + trigger.name() + " on " + trigger.table()
                    + " names a column this upgrade drops: dropped and not created again (the downgrade creates it"
                    + " again after the column)\n";
            steps.add(new Step(new ExecuteSql(trigger.table(), warning + dropTrigger(trigger), trigger.create()),
                    Phase.DROP_FOREIGN_KEY, first++, List.of("Detected " + DataLoss.kindOf(trigger) + " '"
                            + trigger.name() + "' on '" + trigger.table() + "' naming a dropped column: dropped, not"
                            + " created again")));
        }
        for (Schema.Trigger trigger : triggers) {
            steps.add(new Step(new ExecuteSql(trigger.table(), dropTrigger(trigger), trigger.create()),
                    Phase.DROP_FOREIGN_KEY, first++, List.of()));
        }
        for (int i = views.size() - 1; i >= 0; i--) {
            Schema.View view = views.get(i);
            // what re-creating the view cannot give back (its owner): said in the script and in the output
            String warning = view.notKept().isEmpty() ? "" : "-- WARNING: view " + view.name() + " is dropped and"
                    + " created again around the change, which does not keep its " + String.join(", ", view.notKept())
                    + " (restore it by hand in this revision)\n";
            steps.add(new Step(new ExecuteSql(view.name(), warning + dropView(view), view.create()),
                    Phase.DROP_FOREIGN_KEY, first++, view.notKept().isEmpty() ? List.of() : List.of("Detected view '"
                            + view.name() + "' re-created around the change: its " + String.join(", ", view.notKept())
                            + " not kept")));
        }
        int last = Integer.MAX_VALUE - views.size() - triggers.size();
        for (Schema.View view : views) {
            steps.add(new Step(new ExecuteSql(view.name(), view.create(), dropView(view)), Phase.ADD_FOREIGN_KEY,
                    last++, List.of()));
        }
        for (Schema.Trigger trigger : triggers) {
            steps.add(new Step(new ExecuteSql(trigger.table(), trigger.create(), dropTrigger(trigger)),
                    Phase.ADD_FOREIGN_KEY, last++, List.of()));
        }
    }

    /**
     * PostgreSQL: the rules of tables and views that stay whose action names a table the upgrade drops (or a view going
     * with it). PostgreSQL refuses to drop a table a rule uses, and the rule cannot be created again without the table:
     * each is dropped first, with a {@code -- WARNING} and a line in the output, and only the downgrade creates it
     * again, after the table (its reverse comes last). SQLite drops a table whatever triggers name it: those are left
     * as they are and named by the dropped table's warnings ({@link Dependents#referrers()}).
     */
    private Set<Schema.Trigger> dropRulesNaming(Set<String> goingAway) {
        Set<Schema.Trigger> gone = new java.util.LinkedHashSet<>();
        if (goingAway.isEmpty() || dialect instanceof SqliteDialect) {
            return gone;
        }
        int rank = Integer.MIN_VALUE;
        for (Schema.Trigger rule : database.triggers()) {
            if (!DataLoss.kindOf(rule).equals("rule") || goingAway.contains(rule.table().toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<String> named = new TreeSet<>(goingAway).stream()
                    .filter(name -> mentions(rule.definition(), name)).toList();
            if (named.isEmpty()) {
                continue;
            }
            String tables = String.join(", ", named);
            String warning = "-- WARNING: rule " + rule.name() + " on " + rule.table() + " names table " + tables
                    + ", which this upgrade drops: dropped with it and not created again (the downgrade creates it"
                    + " again after the table)\n";
            steps.add(new Step(new ExecuteSql(rule.table(), warning + dropTrigger(rule), rule.create()),
                    Phase.DROP_FOREIGN_KEY, rank++, List.of("Detected rule '" + rule.name() + "' on '" + rule.table()
                            + "' naming dropped table '" + tables + "': dropped, not created again")));
            gone.add(rule);
        }
        return gone;
    }

    private String dropTrigger(Schema.Trigger trigger) {
        return "DROP " + DataLoss.kindOf(trigger).toUpperCase(Locale.ROOT) + " " + dialect.quoteIfNeeded(trigger.name())
                + " ON " + dialect.quoteIfNeeded(trigger.table());
    }

    private String dropView(Schema.View view) {
        return dialect.dropViewSql(view);
    }

    /**
     * The views that read the dropped tables, directly or through other views, each given to the table dropped
     * first among those it reads (the last one created again by the downgrade), in the order they can be created.
     * Dropped before that table, they are created again after it: no view is left pointing at nothing (SQLite) and
     * no DROP TABLE fails on them (PostgreSQL).
     */
    private Map<String, List<Schema.View>> dependentViews(List<Table> dropOrder) {
        Map<String, List<Schema.View>> byTable = new HashMap<>();
        if (dropOrder.isEmpty()) {
            return byTable;
        }
        Set<String> names = new HashSet<>();
        dropOrder.forEach(table -> names.add(table.name()));
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < dropOrder.size(); i++) {
            position.put(dropOrder.get(i).name(), i);
        }
        for (Schema.View view : viewsReading(names)) {
            int last = -1;
            for (Map.Entry<String, Integer> read : position.entrySet()) {
                if (mentions(view.definition(), read.getKey())) {
                    last = Math.max(last, read.getValue());
                }
            }
            // a view reading a dependent view comes with the table that view came with, or a later one
            position.put(view.name(), last);
            byTable.computeIfAbsent(dropOrder.get(last).name(), name -> new ArrayList<>()).add(view);
        }
        return byTable;
    }

    /**
     * The tables in creation order with each inheriting table after the tables it inherits from (PostgreSQL refuses
     * to drop a parent before its children; the downgrade creates them in this order, the children as plain tables).
     */
    private List<Table> parentsFirst(List<Table> tables) {
        Map<String, Set<String>> parents = new HashMap<>();
        for (Schema.NotKept relation : database.notKept()) {
            if (relation.parent() != null) {
                parents.computeIfAbsent(relation.table(), child -> new HashSet<>()).add(relation.parent());
            }
        }
        if (parents.isEmpty()) {
            return tables;
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> names = new HashSet<>();
        tables.forEach(table -> names.add(table.name()));
        List<Table> waiting = new ArrayList<>(tables);
        while (!waiting.isEmpty()) {
            Table next = waiting.stream().filter(table -> parents.getOrDefault(table.name(), Set.of()).stream()
                    .allMatch(parent -> placed.contains(parent) || !names.contains(parent)))
                    .findFirst().orElse(waiting.get(0)); // a cycle cannot happen; never loop forever
            waiting.remove(next);
            ordered.add(next);
            placed.add(next.name());
        }
        return ordered;
    }

    /**
     * The table's dependent views, the triggers and rules on it and on them, its owned sequences, what is not kept,
     * and the triggers and rules of other tables (not {@code dropping}, nor views going with it) that name it.
     */
    private Dependents dependents(Table table, List<Schema.View> views, Set<String> dropping,
                                  Set<Schema.Trigger> rulesGone) {
        Set<String> owners = new HashSet<>();
        owners.add(table.name().toLowerCase(Locale.ROOT));
        views.forEach(view -> owners.add(view.name().toLowerCase(Locale.ROOT)));
        List<Schema.Trigger> triggers = database.triggers().stream()
                .filter(trigger -> owners.contains(trigger.table().toLowerCase(Locale.ROOT))).toList();
        List<Schema.Sequence> sequences = database.sequences().stream()
                .filter(sequence -> table.name().equals(sequence.table())).toList();
        List<String> notKept = new ArrayList<>(database.notKept().stream()
                .filter(lost -> owners.contains(lost.table().toLowerCase(Locale.ROOT)))
                .map(lost -> lost.table().equals(table.name()) ? lost.what() : lost.what() + " (on " + lost.table() + ")")
                .toList());
        views.forEach(view -> view.notKept().forEach(lost -> notKept.add(lost + " (of " + view.name() + ")")));
        // triggers and rules of tables that stay, whose text names this one: left alone, but said
        List<Schema.Trigger> referrers = database.triggers().stream()
                .filter(trigger -> !owners.contains(trigger.table().toLowerCase(Locale.ROOT))
                        && !dropping.contains(trigger.table().toLowerCase(Locale.ROOT)) && !rulesGone.contains(trigger)
                        && mentions(trigger.definition(), table.name()))
                .toList();
        return new Dependents(views, triggers, sequences, notKept, referrers);
    }

    /** The views that read any of {@code tables}, directly or through other views, each after the views it reads. */
    private List<Schema.View> viewsReading(Set<String> tables) {
        Set<String> readers = new HashSet<>(tables);
        List<Schema.View> ordered = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Schema.View view : database.views()) {
                if (!ordered.contains(view) && readers.stream().anyMatch(name -> mentions(view.definition(), name))) {
                    ordered.add(view);
                    readers.add(view.name());
                    grew = true;
                }
            }
        }
        return ordered;
    }

    private static boolean mentions(String sql, String name) {
        return Pattern.compile("(?i)(?<![A-Za-z0-9_$])" + Pattern.quote(name) + "(?![A-Za-z0-9_$])").matcher(sql).find();
    }

    private static List<Table> concat(List<Table> a, List<Table> b) {
        List<Table> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
