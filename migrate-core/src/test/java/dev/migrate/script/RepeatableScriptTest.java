package dev.migrate.script;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code R__<name>.sql}: loaded by name beside the revisions, its whole text one section, its checksum as written. */
class RepeatableScriptTest {

    private final ScriptLoader loader = new ScriptLoader();

    private static ScriptSource source(String description, ScriptResource... resources) {
        return new ScriptSource() {
            @Override
            public List<ScriptResource> list() throws IOException {
                return List.of(resources);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    @Test
    void loadedBesideTheRevisionsSortedByNameAndOutOfTheGraph() {
        ScriptSet set = loader.load(List.of(source("db/migrations",
                Scripts.resource("R__b_view.sql", "CREATE VIEW b AS SELECT 1;"),
                Scripts.resource("a1_base.sql", Scripts.script("a1", "", "CREATE TABLE t (x INT);")),
                Scripts.resource("R__a_view.sql", "CREATE VIEW a AS SELECT 1;"))), List.of());

        assertThat(set.byId()).containsOnlyKeys("a1");
        assertThat(set.repeatables()).extracting(RepeatableScript::name).containsExactly("a_view", "b_view");
    }

    @Test
    void theSameNameTwiceNamesBothFiles() {
        ScriptSource shared = source("shared", Scripts.resource("R__v.sql", "SELECT 1;"));
        ScriptSource vendor = source("vendor", new ScriptResource("R__v.sql", "db/sqlite/R__v.sql",
                () -> new java.io.ByteArrayInputStream("SELECT 2;".getBytes())));

        assertThatThrownBy(() -> loader.load(List.of(shared, vendor), List.of()))
                .isInstanceOf(ScriptException.class)
                .hasMessage("db/sqlite/R__v.sql: repeatable script v is already defined by db/migrations/R__v.sql; "
                        + "keep one of them, or rename one");
    }

    @Test
    void aNameTheLogCannotHoldIsRefusedWhenLoading() {
        String longName = "x".repeat(RepeatableScript.MAX_NAME_LENGTH + 1);
        assertThatThrownBy(() -> RepeatableScript.of(Scripts.resource("R__" + longName + ".sql", "SELECT 1;")))
                .hasMessageContaining("longer than 32 characters");
        assertThatThrownBy(() -> RepeatableScript.of(Scripts.resource("R__my view.sql", "SELECT 1;")))
                .hasMessageContaining("may hold only letters, digits");
        assertThatThrownBy(() -> RepeatableScript.of(Scripts.resource("R__.sql", "SELECT 1;")))
                .hasMessageContaining("must not be empty");
    }

    @Test
    void theWholeFileIsOneSectionWithTheRevisionsDirectives() {
        String text = """
                -- the function
                -- migrate:no-transaction
                -- migrate:statement-begin
                CREATE FUNCTION f() RETURNS int AS 'SELECT 1; SELECT ${n}' LANGUAGE sql;
                -- migrate:statement-end
                SELECT 2;
                """;
        RepeatableScript script = RepeatableScript.of(Scripts.resource("R__f.sql", text));

        assertThat(script.message()).isEqualTo("the function");
        assertThat(script.transactional()).isFalse();
        assertThat(script.statements(SqlSyntax.STANDARD, MigrationArguments.of(Map.of("n", "7"))))
                .extracting(Statement::line).containsExactly(4, 6);
        assertThat(script.statements(SqlSyntax.STANDARD, MigrationArguments.of(Map.of("n", "7"))).get(0).sql())
                .contains("SELECT 7");
        assertThat(script.checksum()).isEqualTo(Checksum.of(text));
    }

    @Test
    void aSectionMarkerIsAnErrorNamingItsLine() {
        RepeatableScript script = RepeatableScript.of(Scripts.resource("R__v.sql",
                "CREATE VIEW v AS SELECT 1;\n\n-- migrate:downgrade\nDROP VIEW v;\n"));

        assertThatThrownBy(script::checksum).isInstanceOf(ScriptException.class)
                .hasMessageContaining("db/migrations/R__v.sql:3")
                .hasMessageContaining("-- migrate:downgrade has no meaning in a repeatable script");
    }
}
