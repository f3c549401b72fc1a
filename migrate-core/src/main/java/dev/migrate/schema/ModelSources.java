package dev.migrate.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Combines model sources into one, the way Alembic accepts a list of {@code MetaData}. */
public final class ModelSources {

    private ModelSources() {
    }

    public static ModelSource merge(ModelSource... sources) {
        return merge(Arrays.asList(sources));
    }

    /**
     * The union of the sources' tables, triggers and views, read now. Fails on a table declared twice in different
     * ways (also within one source; the same description twice is one table) and on a foreign key whose table or column no source declares; an {@code @Unmanaged} model counts
     * as a declaration.
     */
    public static ModelSource merge(List<? extends ModelSource> sources) {
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<String, ModelSource> declaredBy = new LinkedHashMap<>();
        List<Schema.Trigger> triggers = new ArrayList<>();
        List<Schema.View> views = new ArrayList<>();
        Map<String, Schema.Sequence> sequences = new LinkedHashMap<>();
        Map<String, Schema.EnumType> enumTypes = new LinkedHashMap<>();
        for (ModelSource source : sources) {
            Schema schema = source.schema();
            for (Table table : schema.tables()) {
                ModelSource previous = declaredBy.putIfAbsent(table.name(), source);
                if (previous != null) {
                    if (tables.get(table.name()).equals(table)) {
                        continue; // described the same way twice: one table
                    }
                    throw new ModelException("table '" + table.name() + "' is declared twice, differently: by "
                            + previous.origin(table.name(), null) + " and by " + source.origin(table.name(), null)
                            + "; describe it in one of them only, or make them agree");
                }
                tables.put(table.name(), table);
            }
            for (Schema.EnumType type : schema.enumTypes()) {
                Schema.EnumType previous = enumTypes.putIfAbsent(type.name(), type);
                if (previous != null && !previous.equals(type)) {
                    throw new ModelException("enum type '" + type.name() + "' is declared twice, differently ("
                            + previous.labels() + "; " + type.labels() + "); make the models agree");
                }
            }
            triggers.addAll(schema.triggers());
            views.addAll(schema.views());
            for (Schema.Sequence sequence : schema.sequences()) {
                Schema.Sequence previous = sequences.putIfAbsent(sequence.name(), sequence);
                if (previous != null && !previous.equals(sequence)) {
                    throw new ModelException("sequence '" + sequence.name() + "' is declared twice, differently (start "
                            + previous.start() + ", increment " + previous.increment() + "; start " + sequence.start()
                            + ", increment " + sequence.increment() + "); make the models agree");
                }
            }
        }
        for (Table table : tables.values()) {
            ModelSource source = declaredBy.get(table.name());
            for (ForeignKey foreignKey : table.foreignKeys()) {
                String where = source.origin(table.name(), foreignKey.columns().get(0));
                Table referred = tables.get(foreignKey.referredTable());
                if (referred == null) {
                    throw new ModelException(where + ": foreign key " + foreignKey.name() + " refers to table '"
                            + foreignKey.referredTable() + "', which no model declares; declare it (as an @Unmanaged"
                            + " model if migrations must not manage it)");
                }
                for (String column : foreignKey.referredColumns()) {
                    if (referred.column(column).isEmpty()) {
                        throw new ModelException(where + ": foreign key " + foreignKey.name() + " refers to column '"
                                + foreignKey.referredTable() + "." + column + "', which "
                                + declaredBy.get(referred.name()).origin(referred.name(), null) + " does not declare");
                    }
                }
            }
        }
        Schema merged = new Schema(List.copyOf(tables.values()), triggers, views, List.copyOf(sequences.values()),
                List.of(), List.copyOf(enumTypes.values()));
        return new ModelSource() {
            @Override
            public Schema schema() {
                return merged;
            }

            @Override
            public String origin(String table, String column) {
                ModelSource source = declaredBy.get(table);
                return source != null ? source.origin(table, column) : ModelSource.super.origin(table, column);
            }
        };
    }
}
