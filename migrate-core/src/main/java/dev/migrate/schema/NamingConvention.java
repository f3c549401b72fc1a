package dev.migrate.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Names for what the models leave unnamed, so that generated DDL has stable names. Flask-SQLAlchemy's table names,
 * and Alembic's recommended naming convention for constraints:
 *
 * <pre>
 * table          class name in snake_case               ArticleCategories -> article_categories
 * column         field name in snake_case               articleId -> article_id
 * primary key    pk_&lt;table&gt;                            pk_article_categories
 * foreign key    fk_&lt;table&gt;_&lt;column&gt;_&lt;referred table&gt;  fk_article_categories_article_id_article
 * unique         uq_&lt;table&gt;_&lt;columns&gt;                  uq_category_slug
 * index          ix_&lt;table&gt;_&lt;columns&gt;                  ix_items_name
 * check          ck_&lt;table&gt;_&lt;name&gt;                     ck_items_price_positive
 * </pre>
 *
 * Several columns are joined with {@code _} (Alembic's {@code column_0_N_name}). A name longer than 63 characters
 * (PostgreSQL's limit) is cut as SQLAlchemy cuts it: its first 55 characters, {@code _}, and the last 4 hex digits
 * of its MD5.
 */
public final class NamingConvention {

    /** PostgreSQL's identifier limit, the smallest of the supported databases'. */
    public static final int MAX_NAME_LENGTH = 63;

    private NamingConvention() {
    }

    /** Flask-SQLAlchemy's {@code camel_to_snake_case}: {@code HTMLParser} is {@code html_parser}. */
    public static String snakeCase(String name) {
        String snake = name.replaceAll("((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))", "_$1").toLowerCase(Locale.ROOT);
        int start = 0;
        while (start < snake.length() && snake.charAt(start) == '_') {
            start++;
        }
        return snake.substring(start);
    }

    public static String primaryKey(String table) {
        return fit("pk_" + table);
    }

    public static String foreignKey(String table, List<String> columns, String referredTable) {
        return fit("fk_" + table + "_" + String.join("_", columns) + "_" + referredTable);
    }

    public static String unique(String table, List<String> columns) {
        return fit("uq_" + table + "_" + String.join("_", columns));
    }

    public static String index(String table, List<String> columns) {
        return fit("ix_" + table + "_" + String.join("_", columns));
    }

    public static String check(String table, String name) {
        return fit("ck_" + table + "_" + name);
    }

    /** The name itself when it fits, else cut with a hash suffix (stable: the same long name gives the same cut). */
    public static String fit(String name) {
        if (name.length() <= MAX_NAME_LENGTH) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            return name.substring(0, MAX_NAME_LENGTH - 8) + "_" + hex.substring(hex.length() - 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
