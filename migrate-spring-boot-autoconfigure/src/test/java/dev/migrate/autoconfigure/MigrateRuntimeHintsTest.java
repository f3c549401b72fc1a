package dev.migrate.autoconfigure;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.dialect.sqlite.SqliteDialect;
import dev.migrate.script.ScriptIndex;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.ImportRuntimeHints;

import static org.assertj.core.api.Assertions.assertThat;

/** What a native image must keep for the engine: the packaged scripts and their index, and the dialects. */
class MigrateRuntimeHintsTest {

    private final RuntimeHints hints = new RuntimeHints();

    MigrateRuntimeHintsTest() {
        new MigrateRuntimeHints().registerHints(hints, getClass().getClassLoader());
    }

    @Test
    void theDefaultLocationsScriptsIndexAndTemplateAreResources() {
        for (String resource : new String[] {"db/migrations/a1_create_users.sql", "db/migrations/sqlite/a1_users.sql",
                "db/migrations/" + ScriptIndex.FILE_NAME, "db/migrations/postgresql/" + ScriptIndex.FILE_NAME,
                "db/migrations/script.sql.tmpl"}) {
            assertThat(RuntimeHintsPredicates.resource().forResource(resource)).as(resource).accepts(hints);
        }
    }

    @Test
    void dialectsAreFoundThroughTheServiceLoaderAndCreatedByReflection() {
        assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/services/" + Dialect.class.getName()))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(SqliteDialect.class)
                .withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(PostgresDialect.class)
                .withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).accepts(hints);
    }

    @Test
    void theAutoConfigurationImportsTheHints() {
        assertThat(MigrateAutoConfiguration.class.getAnnotation(ImportRuntimeHints.class).value())
                .contains(MigrateRuntimeHints.class);
    }
}
