package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.GeneratedRevision;
import dev.migrate.autogenerate.IncludeObject;
import dev.migrate.autogenerate.ProcessRevisionDirectives;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.AutogenerateSettings;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import dev.migrate.op.AddColumn;
import dev.migrate.op.ExecuteSql;
import dev.migrate.op.Operation;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.migrate.it.autogenerate.StoreItems.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code process_revision_directives} analogue: what {@code db migrate} writes is what the processors return,
 * chained in order; none left writes no script.
 */
class RevisionDirectivesTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void processorsRewriteTheOperationsBeforeTheScriptIsWritten(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        journey.engine(with(StoreItems.Items1.class)).migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER);
        journey.engine(with(StoreItems.Items1.class)).upgrade("head");

        List<GeneratedRevision> seen = new ArrayList<>();
        ProcessRevisionDirectives record = revision -> {
            seen.add(revision);
            return revision.operations();
        };
        // The second is given what the first returned: an audit statement after the detected operations.
        ProcessRevisionDirectives audit = revision -> Stream.concat(revision.operations().stream(),
                Stream.<Operation>of(new ExecuteSql("items", "UPDATE items SET price = price", ""))).toList();
        journey.settings = withProcessors(List.of(record, audit));
        AutogenerateResult result = journey.engine(with(StoreItems.Items2.class))
                .migrate(RevisionRequest.withMessage("add description"), RenameDecider.NEVER);

        assertThat(seen).singleElement().satisfies(revision -> {
            assertThat(revision.message()).isEqualTo("add description");
            assertThat(revision.dialect()).isEqualTo(db.kind());
            assertThat(revision.operations()).singleElement().isInstanceOf(AddColumn.class);
        });
        assertThat(result.detected()).containsExactly("Detected added column 'items.description'",
                "Detected change on table 'items'");
        String script = Journey.read(result.script().path());
        assertThat(script).containsSubsequence("ADD COLUMN description", "UPDATE items SET price = price;",
                "-- migrate:downgrade", "DROP COLUMN description");
        journey.engine(with(StoreItems.Items2.class)).upgrade("head");
        assertThat(journey.engine(with(StoreItems.Items2.class)).check().differences()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void processorsThatLeaveNoOperationWriteNoScript(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        journey.settings = withProcessors(List.of(revision -> revision.message().startsWith("wip")
                ? List.of() : revision.operations()));

        AutogenerateResult skipped = journey.engine(with(StoreItems.Items1.class))
                .migrate(RevisionRequest.withMessage("wip tables"), RenameDecider.NEVER);

        assertThat(skipped.wroteScript()).isFalse();
        assertThat(skipped.lines()).singleElement().asString()
                .startsWith("No script written: ProcessRevisionDirectives removed every operation of the ");
        try (Stream<Path> files = Files.list(journey.files.directory())) {
            assertThat(files).isEmpty();
        }
        assertThat(journey.engine(with(StoreItems.Items1.class))
                .migrate(RevisionRequest.withMessage("tables"), RenameDecider.NEVER).wroteScript()).isTrue();
    }

    private static AutogenerateSettings withProcessors(List<ProcessRevisionDirectives> processors) {
        return new AutogenerateSettings(IncludeObject.ALL, false, null, true, ProcessRevisionDirectives.chain(processors));
    }
}
