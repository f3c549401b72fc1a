package dev.migrate.runtime;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The log's timestamps as SQLite and PostgreSQL return them, read by hand as {@link Instant#parse} reads them. */
class LogTimestampTest {

    @Test
    void sqliteIsoTextInEveryPrecisionInstantWrites() {
        for (String text : new String[] {"2026-12-07T19:42:07Z", "2026-12-07T19:42:07.123Z", "2026-12-07T19:42:07.123456Z",
                "2026-12-07T19:42:07.123456789Z", "1999-01-31T00:00:00.5Z"}) {
            assertThat(MigrationLog.parseInstant(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void postgresTextIsUtcWithTheFractionItsServerTrims() {
        assertThat(MigrationLog.parseInstant("2026-11-21 10:31:07.12"))
                .isEqualTo(Instant.parse("2026-11-21T10:31:07.120Z"));
        assertThat(MigrationLog.parseInstant("2026-11-21 10:31:07")).isEqualTo(Instant.parse("2026-11-21T10:31:07Z"));
    }

    @Test
    void otherFormsStillGoThroughInstantParse() {
        assertThat(MigrationLog.parseInstant("2026-11-21T10:31:07+00:00")).isEqualTo(Instant.parse("2026-11-21T10:31:07Z"));
        assertThat(MigrationLog.parseInstant(null)).isNull();
        assertThatThrownBy(() -> MigrationLog.parseInstant("2026-02-30T10:31:07Z")).isInstanceOf(RuntimeException.class);
    }
}
