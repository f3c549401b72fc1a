package dev.migrate.test;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on the database for a data check: writes rows, or reads them back and throws when they are not there. */
@FunctionalInterface
public interface SqlWork {

    void run(Connection connection) throws SQLException;
}
