package dev.migrate.reflect;

import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table's parts as the {@code information_schema} readers (MariaDB, H2) gather them from their bulk queries, one
 * row at a time, and the table they make: constraints and indexes sorted by name.
 */
final class TableParts {

    final Map<String, Column> columns = new LinkedHashMap<>();
    PrimaryKey primaryKey;
    private final Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<CheckConstraint> checks = new ArrayList<>();

    /** One column pair of the foreign key {@code name}: a row of a key column usage query, in column order. */
    void addForeignKeyColumn(String name, String column, String referredTable, String referredColumn,
                             ReferentialAction onDelete, ReferentialAction onUpdate) {
        ForeignKey known = foreignKeys.get(name);
        List<String> columns = new ArrayList<>(known == null ? List.of() : known.columns());
        List<String> referredColumns = new ArrayList<>(known == null ? List.of() : known.referredColumns());
        columns.add(column);
        referredColumns.add(referredColumn);
        foreignKeys.put(name, new ForeignKey(name, columns, referredTable, referredColumns, onDelete, onUpdate));
    }

    Table build(String name, String options) {
        List<ForeignKey> keys = new ArrayList<>(foreignKeys.values());
        keys.sort(Comparator.comparing(ForeignKey::name));
        uniques.sort(Comparator.comparing(UniqueConstraint::name));
        indexes.sort(Comparator.comparing(Index::name));
        checks.sort(Comparator.comparing(CheckConstraint::name));
        return new Table(name, null, List.copyOf(columns.values()), primaryKey, keys, uniques, indexes, checks, true,
                null, options);
    }

    /** A bulk query of the schema {@code schema}, its one parameter. */
    static PreparedStatement prepare(Connection connection, String sql, String schema) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, schema);
        return statement;
    }
}
