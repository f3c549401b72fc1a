package dev.migrate.reflect;

import dev.migrate.reflect.MariaDbSchemaReader.DefaultStyle;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;
import org.junit.jupiter.api.Test;

import static dev.migrate.reflect.MariaDbSchemaReader.inSessionMode;
import static dev.migrate.reflect.MariaDbSchemaReader.serverDefault;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code information_schema.COLUMNS} rows as MySQL 8 writes them (no MySQL server here: the values are those of
 * MySQL's documentation of COLUMNS and of data type defaults), read to the same canonical defaults as MariaDB's
 * quoted rows for the same DDL.
 */
class MySqlCatalogRowsTest {

    private static final ColumnType VARCHAR = ColumnType.varchar(10);
    private static final ColumnType INT = ColumnType.of(GenericType.INTEGER);
    private static final ColumnType DATETIME = ColumnType.of(GenericType.TIMESTAMP);

    @Test
    void theServerVersionTellsHowDefaultsAreWritten() {
        assertThat(DefaultStyle.of("10.11.6-MariaDB-0+deb12u1")).isEqualTo(DefaultStyle.QUOTED);
        assertThat(DefaultStyle.of("5.5.5-10.11.6-MariaDB-0+deb12u1")).isEqualTo(DefaultStyle.QUOTED);
        assertThat(DefaultStyle.of("11.4.2-MariaDB")).isEqualTo(DefaultStyle.QUOTED);
        assertThat(DefaultStyle.of("10.2.6-MariaDB")).isEqualTo(DefaultStyle.BARE);
        assertThat(DefaultStyle.of("8.0.36")).isEqualTo(DefaultStyle.BARE);
        assertThat(DefaultStyle.of("8.4.0-commercial")).isEqualTo(DefaultStyle.BARE);
    }

    @Test
    void bareStringDefaultsAreStringsAndNumbersStayNumbers() {
        // c VARCHAR(10) DEFAULT 'x', DEFAULT '', DEFAULT 'it''s'; i INT DEFAULT -1; price DECIMAL(16,2) DEFAULT 0.00
        assertThat(serverDefault("x", "", "varchar", VARCHAR, DefaultStyle.BARE)).isEqualTo("'x'");
        assertThat(serverDefault("", "", "varchar", VARCHAR, DefaultStyle.BARE)).isEqualTo("''");
        assertThat(serverDefault("it's", "", "varchar", VARCHAR, DefaultStyle.BARE)).isEqualTo("'it''s'");
        assertThat(serverDefault("-1", "", "int", INT, DefaultStyle.BARE)).isEqualTo("-1");
        assertThat(serverDefault("0.00", "", "decimal", ColumnType.decimal(16, 2), DefaultStyle.BARE)).isEqualTo("0.00");
        assertThat(serverDefault("1", "", "tinyint", ColumnType.of(GenericType.BOOLEAN), DefaultStyle.BARE)).isEqualTo("TRUE");
        assertThat(serverDefault("2024-01-01", "", "date", ColumnType.of(GenericType.DATE), DefaultStyle.BARE))
                .isEqualTo("'2024-01-01'");
        assertThat(serverDefault("a", "", "enum", ColumnType.other("enum('a','b')"), DefaultStyle.BARE)).isEqualTo("'a'");
        // no DEFAULT clause, or DEFAULT NULL: NULL in the column
        assertThat(serverDefault(null, "", "varchar", VARCHAR, DefaultStyle.BARE)).isNull();
    }

    @Test
    void aBareStringDefaultWithABackslashIsALiteralOfTheSessionsMode() {
        // c VARCHAR(10) DEFAULT 'C:\\' (MySQL shows C:\): doubled where backslashes escape, single where they do not
        String bare = serverDefault("C:\\", "", "varchar", VARCHAR, DefaultStyle.BARE);
        assertThat(inSessionMode(bare, DefaultStyle.BARE, "STRICT_TRANS_TABLES")).isEqualTo("'C:\\\\'");
        assertThat(inSessionMode(bare, DefaultStyle.BARE, "NO_BACKSLASH_ESCAPES")).isEqualTo("'C:\\'");
        assertThat(inSessionMode("-1", DefaultStyle.BARE, "NO_BACKSLASH_ESCAPES")).isEqualTo("-1");
    }

    @Test
    void generatedDefaultsAreExpressionsAsMariaDbWritesThem() {
        // ts DATETIME DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
        assertThat(serverDefault("CURRENT_TIMESTAMP", "DEFAULT_GENERATED on update CURRENT_TIMESTAMP", "datetime", DATETIME,
                DefaultStyle.BARE)).isEqualTo(serverDefault("current_timestamp()", "on update current_timestamp()",
                "datetime", DATETIME, DefaultStyle.QUOTED));
        // dt DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3), and MySQL 5.7's TIMESTAMP without the flag
        assertThat(serverDefault("CURRENT_TIMESTAMP(3)", "DEFAULT_GENERATED", "datetime", DATETIME, DefaultStyle.BARE))
                .isEqualTo("CURRENT_TIMESTAMP(3)");
        assertThat(serverDefault("CURRENT_TIMESTAMP", "", "timestamp", DATETIME, DefaultStyle.BARE))
                .isEqualTo(serverDefault("current_timestamp()", "", "timestamp", DATETIME, DefaultStyle.QUOTED));
        // f FLOAT DEFAULT (RAND() * RAND()); b BLOB DEFAULT ('abc'); j JSON DEFAULT (JSON_ARRAY())
        assertThat(serverDefault("(rand() * rand())", "DEFAULT_GENERATED", "float", ColumnType.of(GenericType.REAL),
                DefaultStyle.BARE)).isEqualTo(serverDefault("rand() * rand()", "", "float", ColumnType.of(GenericType.REAL),
                DefaultStyle.QUOTED));
        assertThat(serverDefault("_utf8mb4\\'abc\\'", "DEFAULT_GENERATED", "blob", ColumnType.of(GenericType.BINARY),
                DefaultStyle.BARE)).isEqualTo("'abc'");
        assertThat(serverDefault("concat(_utf8mb4\\'a\\',_utf8mb4\\'b\\')", "DEFAULT_GENERATED", "varchar", VARCHAR,
                DefaultStyle.BARE)).isEqualTo(serverDefault("concat('a','b')", "", "varchar", VARCHAR, DefaultStyle.QUOTED));
        // A bare string that looks like an expression is still a string without the flag.
        assertThat(serverDefault("rand()", "", "varchar", VARCHAR, DefaultStyle.BARE)).isEqualTo("'rand()'");
    }

    @Test
    void mysqlCheckClausesReadAsMariaDbs() {
        // CHECK (status IN ('a', 'b')) as MySQL 8 lists it in CHECK_CONSTRAINTS.CHECK_CLAUSE
        assertThat(MariaDbSchemaReader.mysqlExpression("(`status` in (_utf8mb4\\'a\\',_utf8mb4\\'b\\'))"))
                .isEqualTo("(`status` in ('a','b'))");
    }
}
