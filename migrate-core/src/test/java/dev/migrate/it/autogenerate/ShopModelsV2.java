package dev.migrate.it.autogenerate;

import dev.migrate.schema.GenericType;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.annotation.Check;
import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Index;
import dev.migrate.schema.annotation.Table;
import dev.migrate.schema.annotation.UniqueConstraint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/** The shop a release later: changes of every kind on tables that hold rows. */
final class ShopModelsV2 {

    private ShopModelsV2() {
    }

    /** email widened, name nullable now. */
    @Table(name = "customers")
    record Customers(
            @Id Long id,
            @Column(length = 320, nullable = false, unique = true) String email,
            @Column(length = 100) String name,
            @Column(nullable = false, serverDefault = "TRUE") Boolean active,
            @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP") LocalDateTime createdAt,
            @ForeignKey(table = "customers", column = "id", onDelete = ReferentialAction.SET_NULL) Long referredBy,
            @Column(type = GenericType.TEXT) String notes) {
    }

    /** unique (parent_id, name) dropped, an index on slug added. */
    @Table(name = "categories")
    @Index(columns = "slug")
    record Categories(
            @Id Integer id,
            @ForeignKey(table = "categories", column = "id") Integer parentId,
            @Column(length = 80, nullable = false) String name,
            @Column(length = 80, unique = true) String slug,
            @Column(serverDefault = "0") int position) {
    }

    /** discontinued added (NOT NULL, default false), price default changed, a check on weight added. */
    @Table(name = "products")
    @Index(columns = "name")
    @Index(name = "ix_products_category_price", columns = {"category_id", "price"})
    @Check(name = "price_not_negative", expression = "price >= 0")
    @Check(name = "weight_positive", expression = "weight_kg > 0")
    record Products(
            @Id Long id,
            @Column(length = 40, nullable = false, unique = true) String sku,
            @Column(length = 200, nullable = false) String name,
            @Column(type = GenericType.TEXT) String description,
            @Column(precision = 10, scale = 2, nullable = false, serverDefault = "9.99") BigDecimal price,
            Double weightKg,
            @Column(nullable = false, serverDefault = "1") Boolean inStock,
            @ForeignKey(table = "categories", column = "id", onDelete = ReferentialAction.SET_NULL) Integer categoryId,
            @Column(serverDefault = "CURRENT_TIMESTAMP") LocalDateTime createdAt,
            @Column(nullable = false, serverDefault = "false") boolean discontinued) {
    }

    /** the status default changed, an index dropped, the foreign key now cascades. */
    @Table(name = "orders")
    @Check(name = "total_not_negative", expression = "total >= 0")
    record Orders(
            @Id Long id,
            @Column(nullable = false) @ForeignKey(table = "customers", column = "id",
                    onDelete = ReferentialAction.CASCADE) Long customerId,
            @Column(nullable = false, serverDefault = "'PAID'") ShopModels.OrderStatus status,
            @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP") LocalDateTime placedAt,
            @Column(precision = 12, scale = 2, nullable = false, serverDefault = "0.00") BigDecimal total,
            @Column(serverDefault = "-1") int priority,
            java.time.Instant paidAt) {
    }

    /** department added with a string default. */
    @Table(name = "employees")
    @Index(name = "uq_employees_badge", columns = "badge", unique = true)
    record Employees(
            @Id Integer id,
            @ForeignKey(table = "employees", column = "id") Integer managerId,
            @Column(length = 120, nullable = false, unique = true) String email,
            @Column(length = 12) String badge,
            @Column(precision = 10, scale = 2) BigDecimal salary,
            LocalDate hiredOn,
            LocalTime shiftStart,
            @Column(serverDefault = "true") Boolean fullTime,
            @Column(length = 40, serverDefault = "'ops'") String department) {
    }

    /** body dropped. */
    @Table(name = "reviews")
    @UniqueConstraint(columns = {"productId", "customerId"})
    @Check(name = "rating_range", expression = "rating BETWEEN 1 AND 5")
    record Reviews(
            @Id Long id,
            @Column(nullable = false) @ForeignKey(table = "products", column = "id",
                    onDelete = ReferentialAction.CASCADE) Long productId,
            @ForeignKey(table = "customers", column = "id", onDelete = ReferentialAction.SET_NULL) Long customerId,
            short rating,
            @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP") LocalDateTime createdAt) {
    }

    /** a check added, the default of active changed from false to true. */
    @Table(name = "coupons")
    @Check(name = "percent_range", expression = "percent_off BETWEEN 0 AND 100")
    record Coupons(
            @Id @Column(length = 20) String code,
            @Column(nullable = false, serverDefault = "10") int percentOff,
            LocalDateTime validUntil,
            @Column(nullable = false, serverDefault = "true") Boolean active,
            UUID publicId) {
    }

    /** ratio's default changed, value's default removed. */
    @Table(name = "settings")
    record Settings(
            @Id @Column(length = 60) String key,
            @Column(type = GenericType.TEXT, nullable = false) String value,
            @Column(serverDefault = "0.75") Float ratio,
            @Column(serverDefault = "CURRENT_TIMESTAMP") LocalDateTime updatedAt) {
    }

    /** A new table with a composite key of two foreign keys. */
    @Table
    record Wishlists(
            @Id @ForeignKey(table = "customers", column = "id", onDelete = ReferentialAction.CASCADE) Long customerId,
            @Id @ForeignKey(table = "products", column = "id", onDelete = ReferentialAction.CASCADE) Long productId,
            @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP") LocalDateTime addedAt) {
    }

    /** audit_log is gone; addresses, product_tags, order_lines and shipments are unchanged. */
    static final Class<?>[] CLASSES = {Customers.class, ShopModels.Addresses.class, Categories.class, Products.class,
        ShopModels.ProductTags.class, Orders.class, ShopModels.OrderLines.class, Employees.class, Reviews.class,
        Coupons.class, Settings.class, Wishlists.class};
}
