package dev.migrate.it.autogenerate;

import dev.migrate.schema.StoreModels.ItemsTags;
import dev.migrate.schema.StoreModels.StoreModel;
import dev.migrate.schema.StoreModels.TagModel;
import dev.migrate.schema.StoreModels.UserModel;
import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;

/**
 * Seed 002's items model as it changes step by step; {@link #with} puts one step with the rest of the store API
 * ({@link dev.migrate.schema.StoreModels}). Unlike the seed's model, the steps keep {@code description} last,
 * where the added column lands in the table.
 */
final class StoreItems {

    private StoreItems() {
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
