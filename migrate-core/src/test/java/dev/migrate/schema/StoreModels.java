package dev.migrate.schema;

import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;

/**
 * Seed 002's store API: stores, items (with the added description), tags, items_tags, users. The one place
 * its models are written; the autogenerate journeys ({@code dev.migrate.it.autogenerate.StoreItems}) use
 * these with their own items model at each step.
 */
public final class StoreModels {

    private StoreModels() {
    }

    @Table(name = "stores")
    public static class StoreModel {
        @Id
        Integer id;
        @Column(length = 80, unique = true, nullable = false)
        String name;
    }

    @Table(name = "items")
    public static class ItemModel {
        @Id
        Integer id;
        @Column(length = 80, unique = true, nullable = false)
        String name;
        String description;
        double price;
        @Column(nullable = false)
        @ForeignKey(table = "stores", column = "id")
        Integer storeId;
    }

    @Table(name = "tags")
    public record TagModel(@Id Integer id, @Column(length = 80, nullable = false) String name,
                           @Column(nullable = false) @ForeignKey(table = "stores", column = "id") Integer storeId) {
    }

    @Table(name = "items_tags")
    public record ItemsTags(@Id Integer id, @ForeignKey(table = "items", column = "id") Integer itemId,
                            @ForeignKey(table = "tags", column = "id") Integer tagId) {
    }

    @Table(name = "users")
    public record UserModel(@Id Integer id, @Column(length = 80, unique = true, nullable = false) String username,
                            @Column(length = 256, nullable = false) String password) {
    }
}
