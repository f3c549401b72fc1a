package dev.migrate.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A URL is shown without its password in any form (Alembic shows {@code ***}; here it is left out). */
class DatabaseSettingsTest {

    @Test
    void passwordsAreLeftOutWhereverTheUrlHoldsThem() {
        assertThat(DatabaseSettings.withoutPassword("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=app&ssl=true");
        assertThat(DatabaseSettings.withoutPassword("jdbc:postgresql://db/app?password=s3cret&user=app"))
                .isEqualTo("jdbc:postgresql://db/app?user=app");
        assertThat(DatabaseSettings.withoutPassword("jdbc:postgresql://db/app?PASSWORD=s3cret"))
                .isEqualTo("jdbc:postgresql://db/app");
        assertThat(DatabaseSettings.withoutPassword("jdbc:postgresql://db/app?user=a&sslpassword=k3y"))
                .isEqualTo("jdbc:postgresql://db/app?user=a");
        assertThat(DatabaseSettings.withoutPassword("jdbc:mysql://app:s3cret@db:3306/app"))
                .isEqualTo("jdbc:mysql://app@db:3306/app");
        assertThat(DatabaseSettings.withoutPassword("jdbc:sqlserver://db;user=app;password=s3cret;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db;user=app;encrypt=true");
        assertThat(DatabaseSettings.withoutPassword("jdbc:sqlite:/var/app/default.db")).isEqualTo("jdbc:sqlite:/var/app/default.db");
    }
}
