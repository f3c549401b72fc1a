package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Index;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables described with the builder, constraints left unnamed (the database names them). */
class ProgrammaticTablesTest {

    @TempDir
    Path tmp;

    static ModelSource models() {
        return ModelSource.builders(
                Table.builder("projects")
                        .column(new Column("id", ColumnType.of(GenericType.INTEGER), false, null, true))
                        .column(Column.of("code", ColumnType.varchar(10)).notNull())
                        .column(Column.of("state", ColumnType.varchar(10)).notNull().withServerDefault("'open'"))
                        .column(Column.of("budget", ColumnType.decimal(12, 2)))
                        .primaryKey(null, "id")
                        .unique(new UniqueConstraint(null, List.of("code")))
                        .check(new CheckConstraint(null, "state IN ('open', 'closed')"))
                        .check(new CheckConstraint(null, "budget >= 0")),
                Table.builder("tasks")
                        .column(new Column("id", ColumnType.of(GenericType.BIGINT), false, null, true))
                        .column(Column.of("project_id", ColumnType.of(GenericType.INTEGER)).notNull())
                        .column(Column.of("title", ColumnType.of(GenericType.TEXT)).notNull())
                        .column(Column.of("done", ColumnType.of(GenericType.BOOLEAN)).notNull().withServerDefault("false"))
                        .primaryKey(null, "id")
                        .foreignKey(new ForeignKey(null, List.of("project_id"), "projects", List.of("id"),
                                ReferentialAction.CASCADE, ReferentialAction.NO_ACTION))
                        .index(new Index("ix_tasks_project_done", List.of("project_id", "done"), false))
                        .index(new Index("ix_tasks_title_lower", List.of("lower(title)"), false)));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void unnamedConstraintsAndExpressionIndexesRoundTrip(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(models());
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("projects"), RenameDecider.NEVER);
        assertThat(result.detected()).containsExactly("Detected added table 'projects'", "Detected added table 'tasks'");
        journey.upgradeAndRoundTrip(engine, result);
    }
}
