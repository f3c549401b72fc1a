package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Integer keys widened to BIGINT under their foreign keys; a rename and a rebuild of one table at once. */
class WiderKeysAndRenamesTest {

    @TempDir
    Path tmp;

    @Table(name = "teams")
    record Teams(@Id Integer id, @Column(length = 30, nullable = false) String name) {
    }

    @Table(name = "players")
    record Players(@Id Integer id, @Column(nullable = false) @ForeignKey(table = "teams", column = "id") Integer teamId,
                   @Column(length = 30) String nick, @Column(length = 10) String shirt) {
    }

    @Table(name = "teams")
    record BigTeams(@Id Long id, @Column(length = 30, nullable = false) String name) {
    }

    /** team_id widened with its key; nick renamed to handle, and shirt widened (SQLite: one rebuild with the rename). */
    @Table(name = "players")
    record BigPlayers(@Id Long id, @Column(nullable = false) @ForeignKey(table = "teams", column = "id") Long teamId,
                      @Column(length = 30) String handle, @Column(length = 20) String shirt) {
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void keysWidenedAndAColumnRenamedWhileTheTableIsRebuilt(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate one = journey.engine(Teams.class, Players.class);
        journey.upgradeAndRoundTrip(one, one.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER));
        db.execute("INSERT INTO teams (name) VALUES ('Reds')");
        db.execute("INSERT INTO players (team_id, nick, shirt) VALUES (1, 'ace', '10')");
        if (kind == Kind.SQLITE) {
            // PostgreSQL's trigger functions name columns in their bodies, which no rename rewrites; SQLite's
            // trigger bodies are rewritten by RENAME COLUMN, so a rebuild must keep that working
            journey.files.write("c0c0c0c0c0c0", journey.head(one), "shout nicks", """
                    CREATE TRIGGER players_shout AFTER INSERT ON players BEGIN
                      UPDATE players SET nick = upper(new.nick) WHERE id = new.id;
                    END;
                    CREATE VIEW nicks AS SELECT nick FROM players;""", "DROP VIEW nicks;\nDROP TRIGGER players_shout;");
            one.upgrade("head");
        }

        Migrate two = journey.engine(BigTeams.class, BigPlayers.class);
        AutogenerateResult result = two.migrate(RevisionRequest.withMessage("bigger"), RenameDecider.ALWAYS);
        assertThat(result.detected()).contains("Detected renamed column 'players.nick' to 'players.handle'",
                "Detected type change from VARCHAR(10) to VARCHAR(20) on 'players.shirt'");
        assertThat(result.warnings()).isEmpty();
        journey.upgradeAndRoundTrip(two, result);
        assertThat(db.queryStrings("SELECT handle || '#' || shirt || '@' || team_id FROM players")).containsExactly("ace#10@1");
        db.execute("INSERT INTO teams (name) VALUES ('Blues')");
        assertThat(db.queryStrings("SELECT max(id) FROM teams")).containsExactly("2");
        if (kind == Kind.SQLITE) {
            db.execute("INSERT INTO players (team_id, handle, shirt) VALUES (2, 'bo', '7')");
            assertThat(db.queryStrings("SELECT handle FROM nicks ORDER BY handle")).containsExactly("BO", "ace");
        }
    }
}
