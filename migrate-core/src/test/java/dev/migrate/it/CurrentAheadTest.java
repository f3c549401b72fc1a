package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionListing;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code current} on a database ahead of its scripts (an application rolled back to an older image): the revision no
 * script defines is returned as a value, marked ahead, rather than thrown as an error, where Alembic's {@code current}
 * fails; the revisions the scripts know are listed as usual beside it.
 */
class CurrentAheadTest {

    private static final String NEWER = "ffffffffffff";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUnknownRevisionIsListedAsAheadInsteadOfThrown(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("a00000000001", "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
        Migrate migrate = Engines.over(db, files.directory());
        migrate.upgrade("head");
        assertThat(migrate.current(false).ahead()).isFalse();

        db.execute("UPDATE alembic_version SET version_num = '" + NEWER + "'");
        RevisionListing current = migrate.current(false);
        assertThat(current.ahead()).isTrue();
        assertThat(current.unknownInDatabase()).containsExactly(NEWER);
        assertThat(current.currentHeads()).containsExactly(NEWER);
        assertThat(current.revisions()).as("only revisions with a script have an entry").isEmpty();
        assertThat(current.lines()).containsExactly(NEWER + " (not in the scripts: the database is ahead of this application)");
        assertThat(migrate.current(true).lines()).containsExactly(NEWER + " (not in the scripts: the database is ahead of this application)");

        db.execute("INSERT INTO alembic_version (version_num) VALUES ('a00000000001')");
        RevisionListing both = migrate.current(false);
        assertThat(both.revisions()).containsExactly("a00000000001");
        assertThat(both.unknownInDatabase()).containsExactly(NEWER);
        assertThat(both.lines()).containsExactly("a00000000001 (head)",
                NEWER + " (not in the scripts: the database is ahead of this application)");
    }
}
