package dev.migrate.it.autogenerate;

import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.annotation.Check;
import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Index;
import dev.migrate.schema.annotation.Table;
import dev.migrate.schema.annotation.UniqueConstraint;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A realistic shop: a dozen tables with composite keys, self-references, a composite foreign key, unique
 * constraints, indexes, checks, defaults of every kind (strings, numbers, booleans, CURRENT_TIMESTAMP) and
 * the common types, nullable and not.
 */
final class ShopModels {

    private ShopModels() {
    }

    enum OrderStatus { NEW, PAID, SHIPPED, CANCELLED }

    @Table
    record Customers(
            @Id Long id,
            @Column(length = 255, nullable = false, unique = true) String email,
            @Column(length = 100, nullable = false) String name,
            @Column(nullable = false, serverDefault = "TRUE") Boolean active,
            @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP") LocalDateTime createdAt,
            @dev.migrate.schema.annotation.ForeignKey(table = "customers", column = "id",
                    onDelete = ReferentialAction.SET_NULL) Long referredBy,
            @Column(type = GenericType.TEXT) String notes) {
    }

    @Table
    @Index(columns = "customerId")
    record Addresses(
            @Id Long id,
            @Column(nullable = false) @dev.migrate.schema.annotation.ForeignKey(table = "customers", column = "id",
                    onDelete = ReferentialAction.CASCADE) Long customerId,
            @Column(length = 200, nullable = false) String line1,
            @Column(length = 100, nullable = false) String city,
            @Column(length = 2, nullable = false, serverDefault = "'DE'") Character country,
            @Column(nullable = false, serverDefault = "false") boolean isDefault) {
    }

    @Table
    @UniqueConstraint(columns = {"parentId", "name"})
    record Categories(
            @Id Integer id,
            @dev.migrate.schema.annotation.ForeignKey(table = "categories", column = "id") Integer parentId,
            @Column(length = 80, nullable = false) String name,
            @Column(length = 80, unique = true) String slug,
            @Column(serverDefault = "0") int position) {
    }

    @Table
    @Index(columns = "name")
    @Index(name = "ix_products_category_price", columns = {"category_id", "price"})
    @Check(name = "price_not_negative", expression = "price >= 0")
    record Products(
            @Id Long id,
            @Column(length = 40, nullable = false, unique = true) String sku,
            @Column(length = 200, nullable = false) String name,
            @Column(type = GenericType.TEXT) String description,
            @Column(precision = 10, scale = 2, nullable = false, serverDefault = "0") BigDecimal price,
            Double weightKg,
            @Column(nullable = false, serverDefault = "1") Boolean inStock,
            @dev.migrate.schema.annotation.ForeignKey(table = "categories", column = "id",
                    onDelete = ReferentialAction.SET_NULL) Integer categoryId,
            @Column(serverDefault = "CURRENT_TIMESTAMP") LocalDateTime createdAt) {
    }

    @Table
    record ProductTags(
            @Id @dev.migrate.schema.annotation.ForeignKey(table = "products", column = "id",
                    onDelete = ReferentialAction.CASCADE) Long productId,
            @Id @Column(length = 40) String tag) {
    }

    @Table
    @Index(columns = {"customerId", "placedAt"})
    @Check(name = "total_not_negative", expression = "total >= 0")
    record Orders(
            @Id Long id,
            @Column(nullable = false) @dev.migrate.schema.annotation.ForeignKey(table = "customers", column = "id")
            Long customerId,
            @Column(nullable = false, serverDefault = "'NEW'") OrderStatus status,
            @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP") LocalDateTime placedAt,
            @Column(precision = 12, scale = 2, nullable = false, serverDefault = "0.00") BigDecimal total,
            @Column(serverDefault = "-1") int priority,
            Instant paidAt) {
    }

    @Table
    @Check(name = "quantity_positive", expression = "quantity > 0")
    record OrderLines(
            @Id @dev.migrate.schema.annotation.ForeignKey(table = "orders", column = "id",
                    onDelete = ReferentialAction.CASCADE) Long orderId,
            @Id Integer lineNo,
            @Column(nullable = false) @dev.migrate.schema.annotation.ForeignKey(table = "products", column = "id")
            Long productId,
            @Column(nullable = false, serverDefault = "1") int quantity,
            @Column(precision = 10, scale = 2, nullable = false) BigDecimal unitPrice) {
    }

    @Table
    @Index(name = "uq_employees_badge", columns = "badge", unique = true)
    record Employees(
            @Id Integer id,
            @dev.migrate.schema.annotation.ForeignKey(table = "employees", column = "id") Integer managerId,
            @Column(length = 120, nullable = false, unique = true) String email,
            @Column(length = 12) String badge,
            @Column(precision = 10, scale = 2) BigDecimal salary,
            LocalDate hiredOn,
            LocalTime shiftStart,
            @Column(serverDefault = "true") Boolean fullTime) {
    }

    @Table
    @UniqueConstraint(columns = {"productId", "customerId"})
    @Check(name = "rating_range", expression = "rating BETWEEN 1 AND 5")
    record Reviews(
            @Id Long id,
            @Column(nullable = false) @dev.migrate.schema.annotation.ForeignKey(table = "products", column = "id",
                    onDelete = ReferentialAction.CASCADE) Long productId,
            @dev.migrate.schema.annotation.ForeignKey(table = "customers", column = "id",
                    onDelete = ReferentialAction.SET_NULL) Long customerId,
            short rating,
            @Column(type = GenericType.TEXT) String body,
            @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP") LocalDateTime createdAt) {
    }

    @Table
    record Coupons(
            @Id @Column(length = 20) String code,
            @Column(nullable = false, serverDefault = "10") int percentOff,
            LocalDateTime validUntil,
            @Column(nullable = false, serverDefault = "false") Boolean active,
            UUID publicId) {
    }

    @Table
    record Settings(
            @Id @Column(length = 60) String key,
            @Column(type = GenericType.TEXT, nullable = false, serverDefault = "''") String value,
            @Column(serverDefault = "0.5") Float ratio,
            @Column(serverDefault = "CURRENT_TIMESTAMP") LocalDateTime updatedAt) {
    }

    @Table
    record AuditLog(
            @Id Long id,
            @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP") LocalDateTime happenedAt,
            @Column(length = 30, nullable = false, serverDefault = "'system'") String actor,
            @Column(type = GenericType.JSON) String payload,
            byte[] checksum) {
    }

    /** Shipments of order lines: a composite foreign key, which only the builder can say. */
    static ModelSource shipments() {
        return ModelSource.builders(dev.migrate.schema.Table.builder("shipments")
                .column(new dev.migrate.schema.Column("id", ColumnType.of(GenericType.BIGINT), false, null, true))
                .column(dev.migrate.schema.Column.of("order_id", ColumnType.of(GenericType.BIGINT)).notNull())
                .column(dev.migrate.schema.Column.of("line_no", ColumnType.of(GenericType.INTEGER)).notNull())
                .column(dev.migrate.schema.Column.of("shipped_at", ColumnType.of(GenericType.TIMESTAMP)))
                .column(dev.migrate.schema.Column.of("carrier", ColumnType.varchar(30)).withServerDefault("'dhl'"))
                .primaryKey("pk_shipments", "id")
                .foreignKey(new ForeignKey("fk_shipments_order_line", List.of("order_id", "line_no"), "order_lines",
                        List.of("order_id", "line_no"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)));
    }

    static final Class<?>[] CLASSES = {Customers.class, Addresses.class, Categories.class, Products.class,
        ProductTags.class, Orders.class, OrderLines.class, Employees.class, Reviews.class, Coupons.class,
        Settings.class, AuditLog.class};
}
