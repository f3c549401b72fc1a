package dev.migrate.runtime;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.TableName;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the check at head reads when it knows the digest to expect: the version table's heads (sorted) and the digest
 * the log's newest row records ({@link LogDigest}; empty when that row is anything else), in one statement and so
 * one round trip, from one snapshot of both tables; empty when the tables do not exist
 * ({@link Dialect#readEngineTables}: the dialect decides how to learn it quietly).
 */
record HeadsAndDigest(List<String> heads, Optional<String> digest) {

    HeadsAndDigest {
        heads = List.copyOf(heads);
    }

    static Optional<HeadsAndDigest> read(Connection connection, Dialect dialect, TableName versionTable,
                                         TableName logTable) throws SQLException {
        String log = logTable.render(dialect);
        // the version rows repeat version_num where the log's row has its checksum: one column type on every database
        String sql = "SELECT 'v', version_num, version_num FROM " + versionTable.render(dialect)
                + " UNION ALL SELECT 'l', direction, checksum FROM " + log + " WHERE id = (SELECT MAX(id) FROM " + log + ")";
        return dialect.readEngineTables(connection, versionTable, sql, HeadsAndDigest::of);
    }

    private static HeadsAndDigest of(ResultSet rows) throws SQLException {
        List<String> heads = new ArrayList<>();
        Optional<String> digest = Optional.empty();
        while (rows.next()) {
            if ("v".equals(rows.getString(1))) {
                heads.add(rows.getString(2));
            } else if (LogEntry.DIGEST.equals(rows.getString(2))) {
                digest = Optional.ofNullable(rows.getString(3));
            }
        }
        heads.sort(null); // as VersionTable reads them
        return new HeadsAndDigest(heads, digest);
    }
}
