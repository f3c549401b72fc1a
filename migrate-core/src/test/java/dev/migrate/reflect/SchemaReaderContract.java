package dev.migrate.reflect;

import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Schema;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the schema reader tests of every database share: the helpers their expected tables are written with,
 * a fresh database per script, and the check that one read takes as many queries for 60 tables as for 3. The
 * blog schema, and the tables each database reflects from it, stay in each database's test.
 */
abstract class SchemaReaderContract {

    static Column col(String name, ColumnType type) {
        return Column.of(name, type);
    }

    static ColumnType t(GenericType generic) {
        return ColumnType.of(generic);
    }

    /** A connection to a new database of its own, with {@code script} run in it. */
    abstract Connection fresh(String script) throws SQLException;

    /** This database's spelling of an autoincrementing integer primary key column, after its name. */
    abstract String autoincrementKey();

    /** The queries one read takes, however many tables there are. */
    abstract int queriesPerRead();

    /** Statements giving {@code table} and its column {@code name} a comment, where the database keeps comments. */
    String commentsOn(String table) {
        return "";
    }

    @Test
    void theNumberOfQueriesDoesNotGrowWithTheTables() throws SQLException {
        assertThat(queriesFor(3)).isEqualTo(queriesFor(60)).isEqualTo(queriesPerRead());
    }

    private int queriesFor(int tables) throws SQLException {
        StringBuilder ddl = new StringBuilder();
        for (int i = 0; i < tables; i++) {
            ddl.append("CREATE TABLE t").append(i).append(" (id ").append(autoincrementKey())
                    .append(", name VARCHAR(20) UNIQUE, ")
                    .append("parent INTEGER REFERENCES t").append(i == 0 ? 0 : i - 1)
                    .append(" (id), CHECK (name <> ''));\nCREATE INDEX ix_t").append(i).append(" ON t").append(i)
                    // the foreign key's column first: MariaDB would add an index of its own for it otherwise
                    .append(" (parent, name);\n").append(commentsOn("t" + i));
        }
        try (Connection connection = fresh(ddl.toString())) {
            CountingConnection counting = new CountingConnection(connection);
            Schema schema = SchemaReader.forConnection(connection).read(counting.connection(), ReflectOptions.defaults());
            assertThat(schema.tables()).hasSize(tables);
            assertThat(schema.tables()).allSatisfy(table -> {
                assertThat(table.foreignKeys()).hasSize(1);
                assertThat(table.indexes()).hasSize(1);
                assertThat(table.uniqueConstraints()).hasSize(1);
                assertThat(table.checks()).hasSize(1);
                assertThat(table.column("id").orElseThrow().autoincrement()).isTrue();
                if (!commentsOn(table.name()).isEmpty()) {
                    assertThat(table.comment()).isEqualTo("table " + table.name());
                    assertThat(table.column("name").orElseThrow().comment()).isEqualTo("its name");
                }
            });
            return counting.executions();
        }
    }
}
