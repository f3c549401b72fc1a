package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/** A separate JVM that upgrades a database to head: two of these race in {@link ConcurrentUpgradeTest}. */
public final class UpgradeProcess {

    private UpgradeProcess() {
    }

    /** Arguments: JDBC URL, user (or "-"), script directory. Exit 0 when the upgrade succeeded. */
    public static void main(String[] args) {
        DataSource dataSource;
        if (args[0].startsWith("jdbc:sqlite:")) {
            SQLiteDataSource sqlite = new SQLiteDataSource();
            sqlite.setUrl(args[0]);
            dataSource = sqlite;
        } else {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(args[0]);
            postgres.setUser(args[1]);
            dataSource = postgres;
        }
        Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(dataSource).scriptDirectory(Path.of(args[2])).build());
        migrate.upgrade("head");
    }
}
