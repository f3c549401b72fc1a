package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Java enum field of an annotated model with {@code @Column(enumType = "mood")}: on PostgreSQL a column of the
 * enum type {@code mood}, whose labels are the enum's constants (created before the table, a new constant an
 * {@code ALTER TYPE ... ADD VALUE}); on SQLite, which has no enum types, the VARCHAR of an enum field without it.
 */
class AnnotatedEnumTypesTest {

    enum Mood { SAD, OK, HAPPY }

    enum MoreMoods { SAD, OK, HAPPY, ELATED }

    @Table(name = "feelings")
    record Feeling(@Id Integer id, @Column(enumType = "mood", nullable = false) Mood mood) {
    }

    @Table(name = "feelings")
    record MoreFeeling(@Id Integer id, @Column(enumType = "mood", nullable = false) MoreMoods mood) {
    }

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEnumFieldWithAnEnumTypeIsAColumnOfThatType(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate one = journey.engine(Feeling.class);
        AutogenerateResult first = one.migrate(RevisionRequest.withMessage("feelings"), RenameDecider.NEVER);
        String script = Journey.read(first.script().path());
        if (kind == Kind.POSTGRESQL) {
            assertThat(script).contains("CREATE TYPE mood AS ENUM ('SAD', 'OK', 'HAPPY');");
            assertThat(script.indexOf("CREATE TYPE mood")).isLessThan(script.indexOf("CREATE TABLE feelings"));
            assertThat(first.detected()).contains("Detected added enum type 'mood' [SAD, OK, HAPPY]");
        } else {
            assertThat(script).doesNotContain("CREATE TYPE").contains("mood VARCHAR(5) NOT NULL");
        }
        journey.upgradeAndRoundTrip(one, first);
        db.execute("INSERT INTO feelings (id, mood) VALUES (1, 'HAPPY')");
        if (kind == Kind.POSTGRESQL) {
            assertThat(db.queryStrings("SELECT udt_name FROM information_schema.columns WHERE table_name = 'feelings' "
                    + "AND column_name = 'mood'")).containsExactly("mood");
        }

        Migrate two = journey.engine(MoreFeeling.class);
        assertThat(two.check().differences()).containsExactly(kind == Kind.POSTGRESQL
                ? "Detected added value 'ELATED' of enum type 'mood'"
                : "Detected type change from VARCHAR(5) to VARCHAR(6) on 'feelings.mood'");
        two.migrate(RevisionRequest.withMessage("elated"), RenameDecider.NEVER);
        two.upgrade("head");
        assertThat(two.check().upToDate()).isTrue();
        db.execute("INSERT INTO feelings (id, mood) VALUES (2, 'ELATED')");
    }
}
