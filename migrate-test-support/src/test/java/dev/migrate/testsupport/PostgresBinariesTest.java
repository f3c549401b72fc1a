package dev.migrate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

    @Test
    void theNotFoundMessageIsOneLineSayingWhatToInstall() {
        assertThat(PostgresBinaries.NOT_FOUND_MESSAGE)
                .contains("apt-get install -y postgresql")
                .doesNotContain("\n");
    }

    @Test
    void aConfiguredDirectoryWithoutBinariesFails(@TempDir Path empty) {
        String previous = System.getProperty(PostgresBinaries.BINDIR_PROPERTY);
        System.setProperty(PostgresBinaries.BINDIR_PROPERTY, empty.toString());
        try {
            assertThatThrownBy(PostgresBinaries::findBinDir)
                    .isInstanceOf(PostgresUnavailableException.class)
                    .hasMessageContaining("No initdb and pg_ctl in " + empty);
        } finally {
            if (previous == null) {
                System.clearProperty(PostgresBinaries.BINDIR_PROPERTY);
            } else {
                System.setProperty(PostgresBinaries.BINDIR_PROPERTY, previous);
            }
        }
    }

    @Test
    void findsTheInstalledServerBinaries() {
        Path binDir = PostgresBinaries.findBinDir();
        assertThat(Files.isExecutable(binDir.resolve("initdb"))).isTrue();
        assertThat(Files.isExecutable(binDir.resolve("pg_ctl"))).isTrue();
    }
}
