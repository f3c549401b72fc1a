package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.TestDatabase;
import dev.migrate.testsupport.ProcessResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema as {@code mariadb-dump} writes it (backquotes, {@code /*!40101 ... *}{@code /} lines, ENGINE, AUTO_INCREMENT=,
 * DEFAULT CHARSET and COLLATE, a MyISAM table in latin1 beside InnoDB ones in utf8mb4, UNSIGNED, ENUM and SET columns,
 * {@code ON UPDATE CURRENT_TIMESTAMP}, a prefix index, a check, foreign keys with their KEY lines, a trigger in a
 * {@code DELIMITER ;;} block), loaded with the {@code mariadb} client, then {@code db migrate} with models that own none
 * of it: the upgrade drops every table, and after the downgrade {@code mariadb-dump --no-data} gives back the same text.
 */
class MariaDbDumpRoundTripTest {

    /** The application's one model: owns none of the dumped tables. */
    @dev.migrate.schema.annotation.Table(name = "notes")
    record Note(@dev.migrate.schema.annotation.Id Integer id, String body) {
    }

    @TempDir
    Path tmp;

    @Test
    void aDumpedSchemaNoModelOwnsIsDroppedAndComesBackAsItWas() throws Exception {
        TestDatabase.MariaDb db = TestDatabase.mariadb();
        assertThat(db.runScriptWithCli(SqliteDumpRoundTripTest.resource("shop-mariadb.sql"))).isEmpty();
        List<String> before = dump(db);
        assertThat(before).contains(") ENGINE=MyISAM DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci;",
                "  `updated_at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),");

        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(Note.class);
        engine.upgrade("heads"); // the engine's own tables
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("only notes"), RenameDecider.NEVER);
        assertThat(result.detected()).containsExactlyInAnyOrder("Detected added table 'notes'",
                "Detected removed table 'audit_log'", "Detected removed table 'customer'",
                "Detected removed table 'order_line'", "Detected removed table 'orders'", "Detected removed table 'product'");
        String script = Journey.read(result.script().path());
        // the trigger's body holds semicolons: the script keeps it whole between DELIMITER lines
        assertThat(script).contains("DELIMITER //\nCREATE TRIGGER `order_line_total` AFTER INSERT ON `order_line`");

        engine.upgrade("head");
        assertThat(engine.check().upToDate()).as("check at head").isTrue();
        assertThat(db.queryStrings("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                + "ORDER BY table_name")).containsExactly("alembic_version", "migrate_log", "notes");

        engine.downgrade("-1");
        assertThat(dump(db)).isEqualTo(before);
        db.execute("INSERT INTO customer (email, full_name) VALUES ('c@x.org', 'Cy')");
        db.execute("INSERT INTO product (sku, title, price) VALUES ('S2', 'Desk', 20)");
        db.execute("INSERT INTO orders (customer_id) VALUES (1)");
        db.execute("INSERT INTO order_line VALUES (1, 1, 1, 3)");
        assertThat(db.queryStrings("SELECT CONCAT(o.total, ' ', (SELECT COUNT(*) FROM audit_log)) FROM orders o"))
                .as("the trigger came back").containsExactly("60.00 1");
    }

    /**
     * {@code mariadb-dump --no-data} without what changes from one run to the next: the dump's date and host, the
     * AUTO_INCREMENT counters (a table created again starts at 1), and the session settings saved around a trigger
     * (those of the client that created it); a trigger's head is compared without its quoting and line break, which
     * {@code information_schema.TRIGGERS} does not keep (its body is kept as written).
     */
    static List<String> dump(TestDatabase.MariaDb db) {
        ProcessResult result = db.server().dumpSchema(db.database(), "alembic_version", "migrate_log", "notes");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout().replace("FOR EACH ROW\n", "FOR EACH ROW ").lines()
                .filter(line -> !line.startsWith("-- Dump completed") && !line.startsWith("-- Host:")
                        && !line.startsWith("/*!50003 SET"))
                .map(line -> line.replaceAll(" AUTO_INCREMENT=\\d+", ""))
                .map(line -> line.contains("/*!50003 TRIGGER") ? line.replace("`", "") : line).toList();
    }
}
