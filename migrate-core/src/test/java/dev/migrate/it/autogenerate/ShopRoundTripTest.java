package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.ModelSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A realistic schema of thirteen tables: created by autogenerate, round-tripped, and then equal to its models. */
class ShopRoundTripTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void realisticSchemaRoundTripsWithoutFalsePositives(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(ModelSource.annotated(ShopModels.CLASSES), ShopModels.shipments());

        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("shop"), RenameDecider.NEVER);

        assertThat(result.detected()).hasSize(13).allMatch(line -> line.startsWith("Detected added table '"));
        assertThat(result.warnings()).isEmpty();
        journey.upgradeAndRoundTrip(engine, result);

        db.execute("INSERT INTO customers (email, name) VALUES ('ada@example.org', 'Ada')");
        db.execute("INSERT INTO settings (key) VALUES ('theme')");
        assertThat(db.queryStrings("SELECT CAST(active AS VARCHAR(5)) FROM customers")).singleElement().asString()
                .isIn("1", "true");
        assertThat(db.queryStrings("SELECT value || '|' || CAST(ratio AS VARCHAR(10)) FROM settings"))
                .containsExactly("|0.5");
        assertThat(engine.migrate(RevisionRequest.withMessage("again"), RenameDecider.NEVER).lines())
                .containsExactly("No changes in schema detected.");
    }
}
