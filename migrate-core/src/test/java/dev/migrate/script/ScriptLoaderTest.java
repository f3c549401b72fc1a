package dev.migrate.script;

import dev.migrate.graph.Revision;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptLoaderTest {

    private final ScriptLoader loader = new ScriptLoader();

    @Test
    void loadsSqlScriptsAndJavaMigrationsIntoOneSet() {
        ScriptSource source = source(
                Scripts.resource("a1_base.sql", Scripts.script("a1", "", "CREATE TABLE t (x INT);")),
                Scripts.resource("b2_next.sql", Scripts.script("b2", "a1", "SELECT 1;")),
                Scripts.resource(ScriptDirectory.TEMPLATE_FILE, "not a script"),
                Scripts.resource("notes.txt", "not a script"));

        ScriptSet set = loader.load(List.of(source), List.of(new Java("c3", List.of("b2"))));

        assertThat(set.scripts()).extracting(MigrationScript::id).containsExactly("a1", "b2", "c3");
        assertThat(set.byId()).containsOnlyKeys("a1", "b2", "c3");
        assertThat(set.get("c3")).isInstanceOf(JavaMigrationScript.class);
        assertThat(set.revisions()).containsExactly(Revision.of("a1"), Revision.of("b2", "a1"), Revision.of("c3", "b2"));
        assertThat(set.locationOf("b2")).contains("db/migrations/b2_next.sql");
    }

    @Test
    void loadingIsLinearAndReadsNoBodies() {
        List<ScriptResource> resources = new ArrayList<>();
        String previous = "";
        for (int i = 0; i < 5_000; i++) {
            String id = "r%05d".formatted(i);
            String text = Scripts.script(id, previous, "SELECT 1;");
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            resources.add(new ScriptResource(id + "_x.sql", id + "_x.sql", () -> new ByteArrayInputStream(bytes)));
            previous = id;
        }
        ScriptSet set = loader.load(List.of(source(resources.toArray(ScriptResource[]::new))), List.of());
        assertThat(set.scripts()).hasSize(5_000);
    }

    @Test
    void twoScriptsWithOneIdNameBothFiles() {
        ScriptSource source = source(
                Scripts.resource("a1_first.sql", Scripts.script("a1", "", "SELECT 1;")),
                Scripts.resource("a1_copy.sql", Scripts.script("a1", "", "SELECT 2;")));

        assertThatThrownBy(() -> loader.load(List.of(source), List.of()))
                .isInstanceOf(ScriptException.class)
                .hasMessage("db/migrations/a1_copy.sql:3: revision id a1 is already used by db/migrations/a1_first.sql;"
                        + " give one of them a new Revision ID");
    }

    @Test
    void aJavaMigrationMayNotReuseAScriptsId() {
        ScriptSource source = source(Scripts.resource("a1_first.sql", Scripts.script("a1", "", "SELECT 1;")));
        assertThatThrownBy(() -> loader.load(List.of(source), List.of(new Java("a1", List.of()))))
                .hasMessage(Java.class.getName() + ": revision id a1 is already used by db/migrations/a1_first.sql;"
                        + " give one of them a new Revision ID");
    }

    @Test
    void anUnknownRevisesNamesTheFileAndLine() {
        ScriptSource source = source(
                Scripts.resource("a1_base.sql", Scripts.script("a1", "", "SELECT 1;")),
                Scripts.resource("b2_next.sql", Scripts.script("b2", "a1, zz9", "SELECT 1;")));
        assertThatThrownBy(() -> loader.load(List.of(source), List.of()))
                .hasMessage("db/migrations/b2_next.sql:4: Revises names zz9, which no script has as its Revision ID;"
                        + " correct the Revises line or restore the missing script");
    }

    @Test
    void anUnknownRevisesOfAJavaMigrationNamesTheClass() {
        assertThatThrownBy(() -> loader.load(List.of(), List.of(new Java("a1", List.of("nope")))))
                .hasMessageStartingWith(Java.class.getName() + ": Revises names nope");
    }

    @Test
    void dependsOnMayNameARevisionOrABranchLabel() {
        String labelled = Scripts.script("a1", "", "SELECT 1;").replace("-- Create Date", "-- Branch Labels: networking\n-- Create Date");
        String dependent = Scripts.script("b2", "", "SELECT 1;").replace("-- Create Date", "-- Depends On: networking, a1\n-- Create Date");
        ScriptSet set = loader.load(List.of(source(
                Scripts.resource("a1.sql", labelled), Scripts.resource("b2.sql", dependent))), List.of());
        assertThat(set.get("b2").revision().dependsOn()).containsExactly("networking", "a1");

        String broken = Scripts.script("c3", "", "SELECT 1;").replace("-- Create Date", "-- Depends On: nowhere\n-- Create Date");
        assertThatThrownBy(() -> loader.load(List.of(source(Scripts.resource("c3.sql", broken))), List.of()))
                .hasMessage("db/migrations/c3.sql:5: Depends On names nowhere, which is neither a revision id nor a"
                        + " branch label; correct the Depends On line");
    }

    @Test
    void headerErrorsStopTheLoad() {
        assertThatThrownBy(() -> loader.load(List.of(source(Scripts.resource("a1.sql", ""))), List.of()))
                .hasMessageStartingWith("db/migrations/a1.sql:1: empty file");
        assertThatThrownBy(() -> loader.load(List.of(source(Scripts.resource("a1.sql", "-- x\n-- migrate:upgrade\n"))), List.of()))
                .hasMessageStartingWith("db/migrations/a1.sql:1: no Revision ID");
        assertThatThrownBy(() -> loader.load(List.of(source(Scripts.resource("a1.sql", "-- Revision ID: a1\n"))), List.of()))
                .hasMessageStartingWith("db/migrations/a1.sql:1: no -- migrate:upgrade line");
        assertThatThrownBy(() -> loader.load(List.of(), List.of(new Java("bad id", List.of()))))
                .hasMessageStartingWith(Java.class.getName() + ": revision id \"bad id\" may hold only");
    }

    @Test
    void theIdComesFromTheHeaderNotTheFileName() {
        ScriptSet set = loader.load(List.of(source(Scripts.resource("ffff_renamed.sql", Scripts.script("a1", "", "SELECT 1;")))),
                List.of());
        assertThat(set.byId()).containsOnlyKeys("a1");
    }

    private static ScriptSource source(ScriptResource... resources) {
        return new ScriptSource() {
            @Override
            public String description() {
                return "test";
            }

            @Override
            public List<ScriptResource> list() {
                return List.of(resources);
            }
        };
    }

    private record Java(String revision, List<String> revises) implements JavaMigration {
        @Override
        public String message() {
            return "java";
        }

        @Override
        public void upgrade(MigrationContext context) {
        }

        @Override
        public void downgrade(MigrationContext context) {
        }

        @Override
        public Set<String> branchLabels() {
            return Set.of();
        }
    }
}
