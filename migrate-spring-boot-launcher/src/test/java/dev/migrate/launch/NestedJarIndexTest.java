package dev.migrate.launch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys of the index: a name and the directory entry a jar finds for it share a key; odd names have none. */
class NestedJarIndexTest {

    @Test
    void aNameAndItsDirectoryEntryWithOrWithoutTheSlashShareTheirParentsKey() {
        assertThat(NestedJarIndex.directoryOf("org/example/Type.class")).isEqualTo("org/example/");
        assertThat(NestedJarIndex.directoryOf("org/example/")).isEqualTo("org/");
        assertThat(NestedJarIndex.directoryOf("org/example")).isEqualTo("org/");
        assertThat(NestedJarIndex.directoryOf("application.properties")).isEmpty();
        assertThat(NestedJarIndex.directoryOf("META-INF/")).isEmpty();
    }

    @Test
    void namesThatEncodingOrUrlParsingWouldChangeAreLeftToBootsLoader() {
        assertThat(NestedJarIndex.plain("db/migrations/sqlite/0001_init.sql")).isTrue();
        assertThat(NestedJarIndex.plain("org/example/Outer$Inner.class")).isTrue();
        for (String odd : new String[] {"", "/META-INF/x", "a b.txt", "caf\u00e9/x", "a/../b", "./a", "a/./b", "a//b", ".", "META-INF/.", "db/migrations/sqlite/.",
                "a%20b", "a#b", "a?b", "a\\b"}) {
            assertThat(NestedJarIndex.plain(odd)).as(odd).isFalse();
        }
    }
}
