package dev.migrate.it;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two processes upgrading one database at the same moment: every revision and repeatable script is applied exactly once. */
class ConcurrentUpgradeTest {

    private static final int REVISIONS = 12;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoProcessesApplyEachRevisionOnce(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        db.execute("CREATE TABLE applied (revision VARCHAR(20) NOT NULL)");
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        String parent = "";
        String pause = db.kind().equals("sqlite") ? "" : "SELECT pg_sleep(0.02);";
        for (int i = 1; i <= REVISIONS; i++) {
            String id = String.format("c%011d", i);
            // Not idempotent on purpose: a second run of any revision fails on the existing table.
            files.write(id, parent, "step " + i, "CREATE TABLE t" + i + " (id INTEGER);\n" + pause
                    + "\nINSERT INTO applied (revision) VALUES ('" + id + "');", "DROP TABLE t" + i + ";");
            parent = id;
        }
        // A repeatable script after them: applied once too, by whichever process holds the lock at the end.
        files.writeRaw("R__counted.sql", "INSERT INTO applied (revision) VALUES ('R__counted');\n");
        String url;
        String user;
        if (db instanceof TestDatabase.Postgres postgres) {
            url = postgres.server().jdbcUrl(postgres.database());
            user = postgres.server().user();
        } else {
            url = "jdbc:sqlite:" + ((TestDatabase.Sqlite) db).file();
            user = "-";
        }

        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), UpgradeProcess.class.getName(),
                    url, user, files.directory().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("process-" + i + ".log").toFile())
                    .start());
        }
        for (Process process : processes) {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        }
        for (int i = 0; i < 2; i++) {
            assertThat(processes.get(i).exitValue())
                    .as(() -> readQuietly(tmp.resolve("process-0.log")) + "\n---\n" + readQuietly(tmp.resolve("process-1.log")))
                    .isZero();
        }
        assertThat(db.queryStrings("SELECT revision FROM applied ORDER BY revision")).hasSize(REVISIONS + 1)
                .doesNotHaveDuplicates().contains("R__counted");
        assertThat(db.queryStrings("SELECT version_num FROM alembic_version")).containsExactly(String.format("c%011d", REVISIONS));
    }

    private static String readQuietly(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
