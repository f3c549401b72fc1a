package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dropped index comes back as the database had it (partial, descending, expression), also when its table is
 * renamed in the same revision (its own statement names the old table, so it is rebuilt from its columns then).
 */
class ReflectedIndexesTest {

    @dev.migrate.schema.annotation.Table(name = "parcel")
    static class Parcel {
        @dev.migrate.schema.annotation.Id
        Integer id;
        @dev.migrate.schema.annotation.Column(length = 255)
        String code;
        Integer weight;
    }

    @dev.migrate.schema.annotation.Table(name = "shipment")
    static class Shipment {
        @dev.migrate.schema.annotation.Id
        Integer id;
        @dev.migrate.schema.annotation.Column(length = 255)
        String code;
        Integer weight;
    }

    @TempDir
    Path tmp;

    private static List<String> indexes(TestDatabase db) throws Exception {
        return db.kind().equals("sqlite")
                ? db.queryStrings("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
                : db.queryStrings("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                        + "AND indexname LIKE 'ix_%' ORDER BY indexname");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDroppedIndexComesBackAsItWasEvenUnderARenamedTable(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        db.execute("CREATE TABLE parcel (id INTEGER PRIMARY KEY, code VARCHAR(255), weight INTEGER)");
        db.execute("CREATE INDEX ix_parcel_heavy ON parcel (weight DESC) WHERE weight > 10");
        db.execute("CREATE INDEX ix_parcel_code ON parcel (lower(code))");
        List<String> before = indexes(db);
        Journey journey = new Journey(db, tmp);

        Migrate same = journey.engine(Parcel.class);
        same.upgrade("heads");
        Path dropping = same.migrate(RevisionRequest.withMessage("drop the indexes"), RenameDecider.NEVER).script().path();
        assertThat(Journey.read(dropping)).doesNotContain("CREATE TABLE");
        same.upgrade("head");
        assertThat(indexes(db)).isEmpty();
        same.downgrade("-1");
        assertThat(indexes(db)).isEqualTo(before);
        Journey.delete(dropping);

        Migrate renamed = journey.engine(Shipment.class);
        Path renaming = renamed.migrate(RevisionRequest.withMessage("rename and drop the indexes"), RenameDecider.ALWAYS)
                .script().path();
        assertThat(Journey.read(renaming)).contains("ALTER TABLE parcel RENAME TO shipment;");
        renamed.upgrade("head");
        assertThat(db.queryStrings("SELECT count(*) FROM shipment")).containsExactly("0");
        assertThat(indexes(db)).isEmpty();
        renamed.downgrade("-1");
        assertThat(indexes(db)).hasSize(2);
        assertThat(db.queryStrings("SELECT count(*) FROM parcel")).containsExactly("0");
    }
}
