package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Index;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index is the same index only if its predicate (partial index), expressions, method and INCLUDE columns are the
 * same as the model's: a change in any of them is a drop and a create; the database's own rendering of the same
 * definition (PostgreSQL's {@code pg_get_indexdef} adds casts and parentheses) is no change.
 */
class IndexDefinitionsTest {

    @TempDir
    Path tmp;

    private static ModelSource items(List<Index> indexes) {
        var builder = Table.builder("items")
                .column(Column.of("id", ColumnType.of(GenericType.INTEGER)).notNull())
                .column(Column.of("name", ColumnType.varchar(80)))
                .column(Column.of("code", ColumnType.varchar(20)))
                .column(Column.of("active", ColumnType.of(GenericType.BOOLEAN)))
                .primaryKey("items_pkey", "id");
        indexes.forEach(builder::index);
        return ModelSource.of(Schema.of(List.of(builder.build())));
    }

    private static List<Index> before(Kind kind) {
        List<Index> indexes = new ArrayList<>(List.of(
                new Index("ix_named", List.of("name"), false).where("name <> 'x'"),
                new Index("ix_lower", List.of("lower(name)"), false),
                new Index("ix_steady", List.of("code"), true).where("active")));
        if (kind == Kind.POSTGRESQL) {
            indexes.add(new Index("ix_hashed", List.of("code"), false).using("hash"));
            indexes.add(new Index("ix_covering", List.of("code"), false).including("name"));
        }
        return indexes;
    }

    private static List<Index> after(Kind kind) {
        List<Index> indexes = new ArrayList<>(List.of(
                new Index("ix_named", List.of("name"), false).where("name <> 'y'"),
                new Index("ix_lower", List.of("upper(name)"), false),
                new Index("ix_steady", List.of("code"), true).where("active")));
        if (kind == Kind.POSTGRESQL) {
            indexes.add(new Index("ix_hashed", List.of("code"), false));
            indexes.add(new Index("ix_covering", List.of("code"), false).including("active"));
        }
        return indexes;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aChangedPredicateExpressionMethodOrIncludeIsADropAndACreate(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate one = journey.engine(items(before(kind)));
        AutogenerateResult first = one.migrate(RevisionRequest.withMessage("items"), RenameDecider.NEVER);
        journey.upgradeAndRoundTrip(one, first);
        if (kind == Kind.POSTGRESQL) {
            assertThat(db.queryStrings("SELECT indexdef FROM pg_indexes WHERE tablename = 'items' ORDER BY indexname"))
                    .contains("CREATE INDEX ix_hashed ON public.items USING hash (code)",
                            "CREATE INDEX ix_covering ON public.items USING btree (code) INCLUDE (name)",
                            "CREATE INDEX ix_named ON public.items USING btree (name) WHERE ((name)::text <> 'x'::text)");
        } else {
            assertThat(db.queryStrings("SELECT sql FROM sqlite_master WHERE name = 'ix_named'"))
                    .containsExactly("CREATE INDEX ix_named ON items (name) WHERE name <> 'x'");
        }

        Migrate two = journey.engine(items(after(kind)));
        List<String> expected = new ArrayList<>(List.of(
                "Detected removed index 'ix_named' on 'items'", "Detected added index 'ix_named' on 'items' (name)",
                "Detected removed index 'ix_lower' on 'items'", "Detected added index 'ix_lower' on 'items' (upper(name))"));
        if (kind == Kind.POSTGRESQL) {
            expected.addAll(List.of("Detected removed index 'ix_hashed' on 'items'",
                    "Detected added index 'ix_hashed' on 'items' (code)",
                    "Detected removed index 'ix_covering' on 'items'",
                    "Detected added index 'ix_covering' on 'items' (code)"));
        }
        assertThat(two.check().differences()).containsExactlyInAnyOrderElementsOf(expected);
        AutogenerateResult changed = two.migrate(RevisionRequest.withMessage("indexes changed"), RenameDecider.NEVER);
        assertThat(Journey.read(changed.script().path())).doesNotContain("ix_steady");
        journey.upgradeAndRoundTrip(two, changed);
        if (kind == Kind.POSTGRESQL) {
            assertThat(db.queryStrings("SELECT indexdef FROM pg_indexes WHERE tablename = 'items' ORDER BY indexname"))
                    .contains("CREATE INDEX ix_hashed ON public.items USING btree (code)",
                            "CREATE INDEX ix_covering ON public.items USING btree (code) INCLUDE (active)");
        }
    }
}
