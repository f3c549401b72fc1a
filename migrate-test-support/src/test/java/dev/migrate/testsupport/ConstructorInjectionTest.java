package dev.migrate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The plain {@code @ExtendWith} form, with the server injected into the constructor. */
@ExtendWith(PostgresExtension.class)
class ConstructorInjectionTest {

    private final PostgresServer pg;
    private String db;

    ConstructorInjectionTest(PostgresServer pg) {
        this.pg = pg;
    }

    @BeforeEach
    void createDatabase() {
        db = pg.createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        pg.dropDatabase(db);
    }

    @Test
    void eachTestGetsItsOwnDatabase() throws SQLException {
        try (Connection c = pg.connect(db)) {
            assertThat(c.getCatalog()).isEqualTo(db);
        }
        assertThat(pg).isSameAs(PostgresServer.shared());
    }
}
