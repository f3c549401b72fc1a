package dev.migrate.schema;

import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;

/** Seed 002's store API: stores, items (with the added description), tags, items_tags, users. */
final class StoreModels {

    private StoreModels() {
    }

    @Table(name = "stores")
    static class StoreModel {
        @Id
        Integer id;
        @Column(length = 80, unique = true, nullable = false)
        String name;
    }

    @Table(name = "items")
    static class ItemModel {
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
    record TagModel(@Id Integer id, @Column(length = 80, nullable = false) String name,
                    @Column(nullable = false) @ForeignKey(table = "stores", column = "id") Integer storeId) {
    }

    @Table(name = "items_tags")
    record ItemsTags(@Id Integer id, @ForeignKey(table = "items", column = "id") Integer itemId,
                     @ForeignKey(table = "tags", column = "id") Integer tagId) {
    }

    @Table(name = "users")
    record UserModel(@Id Integer id, @Column(length = 80, unique = true, nullable = false) String username,
                     @Column(length = 256, nullable = false) String password) {
    }
}
