package dev.migrate.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The blog's data: articles, their full-text search and categories, in plain SQL. Search is the
 * database's own: FTS5 ranked with {@code ORDER BY rank} (bm25) on SQLite, a tsvector ranked with
 * {@code ts_rank} on PostgreSQL; the index is kept by the triggers of revision {@code 6b7d2e91c4a3}.
 */
@Service
public class Articles {

    /** The articles {@code seed-db} writes (only those whose title is not there yet). */
    static final List<String[]> SAMPLES = List.of(
            new String[] {"Hello, blog", "The first article of the demo blog: written by seed-db, searchable at once."},
            new String[] {"Bird migration", "Every autumn the pelicans leave the lake and fly south along the coast."},
            new String[] {"Why review generated migrations",
                    "Autogenerate compares the models with the database; a rename looks like a drop and an add, so read the script."},
            new String[] {"Rolling back", "db downgrade undoes the last revision; db upgrade applies it again."},
            new String[] {"Full-text search", "SQLite answers with FTS5 and its porter tokenizer, PostgreSQL with tsvector and ts_rank."});

    private final JdbcClient jdbc;
    private final BlogDatabase database;

    Articles(JdbcClient jdbc, BlogDatabase database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    @Transactional
    public ArticleView add(String title, String content) {
        if (title == null || title.isBlank() || content == null || content.isBlank()) {
            throw new IllegalArgumentException("an article needs --title and --content");
        }
        jdbc.sql("INSERT INTO article (title, content) VALUES (:title, :content)")
                .param("title", title).param("content", content).update();
        Integer id = jdbc.sql("SELECT MAX(article_id) FROM article WHERE title = :title")
                .param("title", title).query(Integer.class).single();
        return find(id).orElseThrow();
    }

    public List<ArticleView> list() {
        return jdbc.sql("SELECT article_id, title, content, created_at FROM article ORDER BY article_id")
                .query(Articles::row).list().stream().map(this::withCategories).toList();
    }

    public Optional<ArticleView> find(int id) {
        return jdbc.sql("SELECT article_id, title, content, created_at FROM article WHERE article_id = :id")
                .param("id", id).query(Articles::row).optional().map(this::withCategories);
    }

    /** Articles matching all the words of {@code query}, best match first. */
    public List<ArticleView> search(String query, int limit) {
        List<String> words = words(query);
        if (words.isEmpty()) {
            return List.of();
        }
        List<ArticleView> found = switch (database.kind()) {
            case SQLITE -> {
                // each word an FTS5 string, so that user input is never FTS5 query syntax; adjacent strings mean AND
                String match = String.join(" ", words.stream().map(word -> '"' + word.replace("\"", "\"\"") + '"').toList());
                yield jdbc.sql("""
                        SELECT a.article_id, a.title, a.content, a.created_at
                        FROM article_search JOIN article a ON a.article_id = article_search.rowid
                        WHERE article_search MATCH :match
                        ORDER BY rank, a.article_id LIMIT :limit""")
                        .param("match", match).param("limit", limit).query(Articles::row).list();
            }
            case POSTGRESQL -> jdbc.sql("""
                    SELECT a.article_id, a.title, a.content, a.created_at
                    FROM article_search s JOIN article a ON a.article_id = s.article_id,
                         plainto_tsquery('english', :query) q
                    WHERE s.document @@ q
                    ORDER BY ts_rank(s.document, q) DESC, a.article_id LIMIT :limit""")
                    .param("query", String.join(" ", words)).param("limit", limit).query(Articles::row).list();
            case MARIADB -> {
                // each word quoted, so that user input is never boolean-mode operators, and required (+) unless
                // shorter than InnoDB indexes (innodb_ft_min_token_size, 3 by default): a required "of" matches nothing
                String match = String.join(" ", words.stream()
                        .map(word -> (word.length() < 3 ? "\"" : "+\"") + word.replace("\"", " ") + '"').toList());
                yield jdbc.sql("""
                        SELECT a.article_id, a.title, a.content, a.created_at
                        FROM article_search s JOIN article a ON a.article_id = s.article_id
                        WHERE MATCH (s.title, s.content) AGAINST (:match IN BOOLEAN MODE)
                        ORDER BY MATCH (s.title, s.content) AGAINST (:match IN BOOLEAN MODE) DESC, a.article_id
                        LIMIT :limit""")
                        .param("match", match).param("limit", limit).query(Articles::row).list();
            }
        };
        return found.stream().map(this::withCategories).toList();
    }

    /** Files article {@code id} under the category {@code name}, creating the category when it is new. */
    @Transactional
    public String categorise(int id, String name) {
        if (find(id).isEmpty()) {
            throw new IllegalArgumentException("there is no article " + id + " (article list shows them)");
        }
        String slug = slug(name);
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("a category needs a name, e.g. --category news");
        }
        Optional<Integer> category = jdbc.sql("SELECT category_id FROM category WHERE slug = :slug")
                .param("slug", slug).query(Integer.class).optional();
        boolean created = category.isEmpty();
        if (created) {
            jdbc.sql("INSERT INTO category (title, slug) VALUES (:title, :slug)")
                    .param("title", name.strip()).param("slug", slug).update();
            category = jdbc.sql("SELECT category_id FROM category WHERE slug = :slug")
                    .param("slug", slug).query(Integer.class).optional();
        }
        int categoryId = category.orElseThrow();
        int existing = jdbc.sql("SELECT COUNT(*) FROM article_categories WHERE article_id = :a AND category_id = :c")
                .param("a", id).param("c", categoryId).query(Integer.class).single();
        if (existing == 0) {
            jdbc.sql("INSERT INTO article_categories (article_id, category_id) VALUES (:a, :c)")
                    .param("a", id).param("c", categoryId).update();
        }
        return "Article " + id + " is in category " + slug + (created ? " (new category)" : "");
    }

    /** Writes the sample articles that are not there yet; returns how many it wrote. */
    @Transactional
    public int seed() {
        int written = 0;
        for (String[] sample : SAMPLES) {
            int present = jdbc.sql("SELECT COUNT(*) FROM article WHERE title = :title")
                    .param("title", sample[0]).query(Integer.class).single();
            if (present == 0) {
                add(sample[0], sample[1]);
                written++;
            }
        }
        return written;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single();
    }

    private static ArticleView row(ResultSet rows, int index) throws SQLException {
        return new ArticleView(rows.getInt("article_id"), rows.getString("title"), rows.getString("content"),
                rows.getString("created_at"), List.of());
    }

    private ArticleView withCategories(ArticleView article) {
        List<String> categories = jdbc.sql("""
                SELECT c.slug FROM category c JOIN article_categories ac ON ac.category_id = c.category_id
                WHERE ac.article_id = :id ORDER BY c.slug""").param("id", article.id()).query(String.class).list();
        return new ArticleView(article.id(), article.title(), article.content(), article.createdAt(), categories);
    }

    private static List<String> words(String query) {
        List<String> words = new ArrayList<>();
        if (query != null) {
            for (String word : query.strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    static String slug(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
    }
}
