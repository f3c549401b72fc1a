package dev.migrate.command;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The version and log table names a configuration accepts: [schema.]name, as plain SQL identifiers. */
class EngineTableNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "my table", "a.b.c", ".version", "public.", "1version", "version-table",
            "x;drop table users", "\"quoted\"", "$version"})
    void aMalformedNameFailsWithTheRule(String name) {
        assertThatThrownBy(() -> MigrateConfig.builder().versionTable(name))
                .isInstanceOf(MigrateException.class)
                .hasMessage("Invalid version table name \"" + name + "\": " + MigrateConfig.TABLE_NAME_RULE);
        assertThatThrownBy(() -> MigrateConfig.builder().logTable(name))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("Invalid log table name \"" + name + "\": use [schema.]name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alembic_version", "ops.alembic_version", "_v$1", "Version"})
    void aPlainIdentifierWithAnOptionalSchemaIsAccepted(String name) {
        MigrateConfig config = MigrateConfig.builder().versionTable(name).logTable(name + "_log").build();
        assertThat(config.runtime().versionTable().toString()).isEqualTo(name);
        assertThat(config.runtime().logTable().toString()).isEqualTo(name + "_log");
    }

    @org.junit.jupiter.api.Test
    void sixtyThreeCharactersAtMost() {
        String longest = "t".repeat(63);
        assertThat(MigrateConfig.builder().versionTable(longest).build().runtime().versionTable().name()).isEqualTo(longest);
        assertThatThrownBy(() -> MigrateConfig.builder().versionTable(longest + "t"))
                .hasMessageContaining("at most 63 characters");
        assertThatThrownBy(() -> MigrateConfig.builder().versionTable(null)).isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("Invalid version table name \"null\"");
    }
}
