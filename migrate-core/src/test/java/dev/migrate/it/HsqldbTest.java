package dev.migrate.it;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.GenericDialect;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract on a real database that has no dialect of its own, HSQLDB 2.7 behind its network server: the engine
 * runs it through the {@link GenericDialect} (standard SQL for its tables, the lock table for exclusion), and two
 * processes racing on it apply each revision once.
 */
class HsqldbTest extends ScriptDatabaseContract {

    private static final int REVISIONS = 8;

    @Override
    TestDatabase database(Path directory) {
        return TestDatabase.hsqldb();
    }

    @Override
    String displayName() {
        return "HSQL Database Engine (generic dialect)";
    }

    @Test
    void noDialectClaimsItSoTheGenericOneRunsIt() throws Exception {
        try (Connection connection = TestDatabase.hsqldb().dataSource().getConnection()) {
            assertThat(Dialect.of(connection)).isInstanceOf(GenericDialect.class);
        }
    }

    @Test
    void twoProcessesRacingApplyEachRevisionOnce() throws Exception {
        TestDatabase.Hsqldb db = TestDatabase.hsqldb();
        db.execute("CREATE TABLE applied (revision VARCHAR(20) NOT NULL)");
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        String parent = "";
        for (int i = 1; i <= REVISIONS; i++) {
            String id = String.format("c%011d", i);
            // Not idempotent on purpose: a second run of any revision fails on the existing table.
            files.write(id, parent, "step " + i, "CREATE TABLE t" + i + " (id INTEGER);\n"
                    + "INSERT INTO applied (revision) VALUES ('" + id + "');", "DROP TABLE t" + i + ";");
            parent = id;
        }
        Path go = tmp.resolve("go");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), UpgradeProcess.class.getName(),
                    db.url(), "SA", files.directory().toString(), "go=" + go)
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("process-" + i + ".log").toFile()).start());
        }
        Files.createFile(go);
        for (Process process : processes) {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        }
        String logs = Files.readString(tmp.resolve("process-0.log")) + "\n---\n" + Files.readString(tmp.resolve("process-1.log"));
        assertThat(processes).as(logs).allSatisfy(process -> assertThat(process.exitValue()).isZero());
        assertThat(db.queryStrings("SELECT revision FROM applied ORDER BY revision")).as(logs).hasSize(REVISIONS)
                .doesNotHaveDuplicates();
        assertThat(db.queryStrings("SELECT version_num FROM alembic_version")).containsExactly(String.format("c%011d", REVISIONS));
    }
}
