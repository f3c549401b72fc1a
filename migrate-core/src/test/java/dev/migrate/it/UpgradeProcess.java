package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.runtime.StepListener;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A separate JVM that upgrades a database to head: two of these race in {@link ConcurrentUpgradeTest} and
 * {@link RunLockTest}, and one is killed mid-run in the lock tests.
 */
public final class UpgradeProcess {

    /** Printed (and flushed) as each revision starts, so a test can tell when to kill the process. */
    public static final String STARTED = "STARTED ";

    private UpgradeProcess() {
    }

    /**
     * Arguments: JDBC URL, user (or "-"), script directory, then optionally {@code go=<file>} (wait until the
     * file exists before starting, so that two processes start the upgrade at the same moment) or
     * {@code hold} (stop for good as the first revision starts, holding the lock until killed).
     * Exit 0 when the upgrade succeeded.
     */
    public static void main(String[] args) throws Exception {
        DataSource dataSource;
        if (args[0].startsWith("jdbc:mariadb:")) {
            org.mariadb.jdbc.MariaDbDataSource mariadb = new org.mariadb.jdbc.MariaDbDataSource(args[0]);
            mariadb.setUser(args[1]);
            dataSource = mariadb;
        } else if (args[0].startsWith("jdbc:hsqldb:")) {
            org.hsqldb.jdbc.JDBCDataSource hsqldb = new org.hsqldb.jdbc.JDBCDataSource();
            hsqldb.setUrl(args[0]);
            hsqldb.setUser(args[1]);
            hsqldb.setPassword("");
            dataSource = hsqldb;
        } else if (args[0].startsWith("jdbc:sqlite:")) {
            SQLiteDataSource sqlite = new SQLiteDataSource();
            sqlite.setUrl(args[0]);
            dataSource = sqlite;
        } else {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(args[0]);
            postgres.setUser(args[1]);
            dataSource = postgres;
        }
        String mode = args.length > 3 ? args[3] : "";
        if (mode.startsWith("go=")) {
            Path go = Path.of(mode.substring(3));
            System.out.println("READY");
            System.out.flush();
            while (!Files.exists(go)) {
                Thread.sleep(5);
            }
        }
        StepListener listener = (step, message) -> {
            System.out.println(STARTED + step.revision().id());
            System.out.flush();
            if (mode.equals("hold")) {
                sleepForever();
            }
        };
        Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(dataSource).scriptDirectory(Path.of(args[2])).build());
        migrate.upgrade("head", listener);
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
