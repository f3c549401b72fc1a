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
import java.util.List;

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

    @ParameterizedTest
    @EnumSource(Kind.class)
    void changesOfEveryKindOnTablesWithRows(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate one = journey.engine(ModelSource.annotated(ShopModels.CLASSES), ShopModels.shipments());
        one.migrate(RevisionRequest.withMessage("shop"), RenameDecider.NEVER);
        one.upgrade("head");
        String now = "'2026-01-02 03:04:05'";
        db.execute("INSERT INTO customers (id, email, name) VALUES (1, 'ada@example.org', 'Ada')");
        db.execute("INSERT INTO customers (id, email, name, referred_by) VALUES (2, 'bob@example.org', 'Bob', 1)");
        db.execute("INSERT INTO addresses (customer_id, line1, city) VALUES (2, 'Main St 1', 'Berlin')");
        db.execute("INSERT INTO categories (id, name, slug) VALUES (1, 'Furniture', 'furniture')");
        db.execute("INSERT INTO categories (id, parent_id, name, slug) VALUES (2, 1, 'Chairs', 'chairs')");
        db.execute("INSERT INTO products (id, sku, name, price, weight_kg, category_id) VALUES (1, 'C-1', 'Chair', 19.5, 4.2, 2)");
        db.execute("INSERT INTO product_tags (product_id, tag) VALUES (1, 'wood')");
        db.execute("INSERT INTO orders (id, customer_id, placed_at, total) VALUES (1, 2, " + now + ", 39)");
        db.execute("INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price) VALUES (1, 1, 1, 2, 19.5)");
        db.execute("INSERT INTO shipments (order_id, line_no) VALUES (1, 1)");
        db.execute("INSERT INTO employees (id, email) VALUES (1, 'boss@example.org')");
        db.execute("INSERT INTO employees (id, manager_id, email, badge) VALUES (2, 1, 'clerk@example.org', 'B-2')");
        db.execute("INSERT INTO reviews (product_id, customer_id, rating, body) VALUES (1, 2, 5, 'comfy')");
        db.execute("INSERT INTO coupons (code) VALUES ('WELCOME')");
        db.execute("INSERT INTO settings (key, value) VALUES ('theme', 'dark')");
        db.execute("INSERT INTO audit_log (actor) VALUES ('test')");
        List<String> counts = counts(db);

        Migrate two = journey.engine(ModelSource.annotated(ShopModelsV2.CLASSES), ShopModels.shipments());
        AutogenerateResult result = two.migrate(RevisionRequest.withMessage("release two"), RenameDecider.NEVER);

        assertThat(result.detected()).contains("Detected added table 'wishlists'", "Detected removed table 'audit_log'");
        assertThat(result.warnings()).anyMatch(warning -> warning.contains("audit_log"))
                .anyMatch(warning -> warning.contains("reviews") && warning.contains("body"));
        journey.upgradeAndRoundTrip(two, result);

        assertThat(counts(db)).isEqualTo(counts);
        assertThat(db.queryStrings("SELECT email || '/' || COALESCE(CAST(referred_by AS VARCHAR(10)), '-') FROM customers ORDER BY id"))
                .containsExactly("ada@example.org/-", "bob@example.org/1");
        assertThat(db.queryStrings("SELECT CAST(discontinued AS VARCHAR(5)) FROM products")).singleElement().asString()
                .isIn("0", "false");
        assertThat(db.queryStrings("SELECT COALESCE(department, '-') FROM employees ORDER BY id"))
                .containsExactly("ops", "ops");
    }

    private static List<String> counts(TestDatabase db) throws Exception {
        List<String> counts = new java.util.ArrayList<>();
        for (String table : List.of("customers", "addresses", "categories", "products", "product_tags", "orders",
                "order_lines", "shipments", "employees", "reviews", "coupons", "settings")) {
            counts.add(table + "=" + db.queryStrings("SELECT count(*) FROM " + table).get(0));
        }
        return counts;
    }
}
