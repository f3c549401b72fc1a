package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The downgrade of an upgrade that drops several columns adds them back in the order the table had them (the
 * upgrade drops them last first), so that {@code SELECT *} and positional inserts see the table they saw before.
 */
class DroppedColumnsOrderTest {

    @TempDir
    Path tmp;

    @Table(name = "people")
    record People1(@Id Integer id, String name, String street, String city, String country) {
    }

    @Table(name = "people")
    record People2(@Id Integer id, String name) {
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void droppedColumnsComeBackInTheirOrder(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        journey.upgradeAndRoundTrip(journey.engine(People1.class),
                journey.migrate("people", RenameDecider.NEVER, People1.class));
        List<String> original = columns(db);
        assertThat(original).containsExactly("id", "name", "street", "city", "country");

        Migrate two = journey.engine(People2.class);
        AutogenerateResult dropped = journey.migrate("no address", RenameDecider.NEVER, People2.class);
        String script = Journey.read(dropped.script().path());
        String downgrade = script.substring(script.indexOf("migrate:downgrade"));
        assertThat(downgrade.indexOf("street")).isLessThan(downgrade.indexOf("city"));
        assertThat(downgrade.indexOf("city")).isLessThan(downgrade.indexOf("country"));
        two.upgrade("head");
        assertThat(columns(db)).containsExactly("id", "name");
        two.downgrade("-1");
        assertThat(columns(db)).isEqualTo(original);
    }

    private static List<String> columns(TestDatabase db) throws Exception {
        return db.queryStrings(db.kind().equals("sqlite")
                ? "SELECT name FROM pragma_table_info('people') ORDER BY cid"
                : "SELECT column_name FROM information_schema.columns WHERE table_name = 'people' "
                        + "ORDER BY ordinal_position");
    }
}
