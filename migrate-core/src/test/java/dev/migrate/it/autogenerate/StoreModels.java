package dev.migrate.it.autogenerate;

import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;

/** Seed 002's store API, with the items model as it changes step by step. */
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

    /** The first items model. */
    @Table(name = "items")
    static class Items1 {
        @Id
        Integer id;
        @Column(length = 80, unique = true, nullable = false)
        String name;
        double price;
        @Column(nullable = false)
        @ForeignKey(table = "stores", column = "id")
        Integer storeId;
    }

    /** {@code description = db.Column(db.String)} added. */
    @Table(name = "items")
    static class Items2 {
        @Id
        Integer id;
        @Column(length = 80, unique = true, nullable = false)
        String name;
        double price;
        @Column(nullable = false)
        @ForeignKey(table = "stores", column = "id")
        Integer storeId;
        String description;
    }

    /** A NOT NULL column without a server default: fails on a table with rows. */
    @Table(name = "items")
    static class Items2Sku {
        @Id
        Integer id;
        @Column(length = 80, unique = true, nullable = false)
        String name;
        double price;
        @Column(nullable = false)
        @ForeignKey(table = "stores", column = "id")
        Integer storeId;
        String description;
        @Column(length = 12, nullable = false)
        String sku;
    }

    /** description made NOT NULL with a server default: existing NULLs are not filled by the default. */
    @Table(name = "items")
    static class Items2Required {
        @Id
        Integer id;
        @Column(length = 80, unique = true, nullable = false)
        String name;
        double price;
        @Column(nullable = false)
        @ForeignKey(table = "stores", column = "id")
        Integer storeId;
        @Column(nullable = false, serverDefault = "''")
        String description;
    }

    /** The name widened from 80 to 120. */
    @Table(name = "items")
    static class Items3 {
        @Id
        Integer id;
        @Column(length = 120, unique = true, nullable = false)
        String name;
        double price;
        @Column(nullable = false)
        @ForeignKey(table = "stores", column = "id")
        Integer storeId;
        String description;
    }

    /** A NOT NULL column with a server default, on a table with rows. */
    @Table(name = "items")
    static class Items4 {
        @Id
        Integer id;
        @Column(length = 120, unique = true, nullable = false)
        String name;
        double price;
        @Column(nullable = false)
        @ForeignKey(table = "stores", column = "id")
        Integer storeId;
        String description;
        @Column(length = 20, nullable = false, serverDefault = "'active'")
        String status;
    }

    /** description renamed to summary. */
    @Table(name = "items")
    static class Items5 {
        @Id
        Integer id;
        @Column(length = 120, unique = true, nullable = false)
        String name;
        double price;
        @Column(nullable = false)
        @ForeignKey(table = "stores", column = "id")
        Integer storeId;
        String summary;
        @Column(length = 20, nullable = false, serverDefault = "'active'")
        String status;
    }

    static Class<?>[] with(Class<?> items) {
        return new Class<?>[] {StoreModel.class, items, TagModel.class, ItemsTags.class, UserModel.class};
    }
}
