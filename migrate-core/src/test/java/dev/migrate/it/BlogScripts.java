package dev.migrate.it;

/**
 * The seed's blog schema as hand-written scripts, in each database's own dialect: an article table,
 * full-text search over it kept in sync by triggers, and categories. SQLite uses FTS5 and trigger bodies
 * with BEGIN ... END (one with a CASE ... END inside); PostgreSQL uses tsvector and a PL/pgSQL function
 * in dollar quotes.
 */
public final class BlogScripts {

    public static final String INITIAL = "9a0e4c7b1f22";
    public static final String FTS = "2f1c3a9b7d10";
    public static final String TRIGGERS = "6b7d2e91c4a3";
    public static final String CATEGORIES = "c41d9e0a7b58";

    private BlogScripts() {
    }

    public static void write(ScriptFiles files, String kind) {
        files.write(INITIAL, "", "DB initial migration", """
                CREATE TABLE article (
                    article_id INTEGER NOT NULL,
                    title VARCHAR(200) NOT NULL,
                    content TEXT NOT NULL,
                    CONSTRAINT pk_article PRIMARY KEY (article_id)
                );""", "DROP TABLE article;");
        if (kind.equals("sqlite")) {
            files.write(FTS, INITIAL, "add fts", """
                    CREATE VIRTUAL TABLE article_search USING fts5(title, content, content=article,
                        content_rowid=article_id, tokenize="porter unicode61");""", "DROP TABLE article_search;");
            files.write(TRIGGERS, FTS, "add fts related triggers", """
                    CREATE TRIGGER article_ai AFTER INSERT ON article BEGIN
                      INSERT INTO article_search(rowid, title, content) VALUES (new.article_id, new.title, new.content);
                    END;
                    CREATE TRIGGER article_ad AFTER DELETE ON article BEGIN
                      INSERT INTO article_search(article_search, rowid, title, content)
                        VALUES ('delete', old.article_id, old.title, old.content);
                    END;
                    -- a CASE ... END inside the body must not end the trigger; nor must this ; in a comment
                    CREATE TRIGGER article_au AFTER UPDATE ON article BEGIN
                      INSERT INTO article_search(article_search, rowid, title, content)
                        VALUES ('delete', old.article_id, old.title, old.content);
                      INSERT INTO article_search(rowid, title, content)
                        VALUES (new.article_id, CASE WHEN new.title = '' THEN 'untitled; really' ELSE new.title END, new.content);
                    END;
                    INSERT INTO article_search(article_search) VALUES ('rebuild');""", """
                    DROP TRIGGER article_au;
                    DROP TRIGGER article_ad;
                    DROP TRIGGER article_ai;""");
        } else {
            files.write(FTS, INITIAL, "add fts", """
                    ALTER TABLE article ADD COLUMN search tsvector;
                    CREATE INDEX ix_article_search ON article USING gin (search);""", """
                    DROP INDEX ix_article_search;
                    ALTER TABLE article DROP COLUMN search;""");
            files.write(TRIGGERS, FTS, "add fts related triggers", """
                    CREATE FUNCTION article_search_update() RETURNS trigger AS $body$
                    BEGIN
                      -- a ; in here must not split the function
                      NEW.search := to_tsvector('english', coalesce(NEW.title, '') || ' ' || coalesce(NEW.content, ''));
                      RETURN NEW;
                    END;
                    $body$ LANGUAGE plpgsql;
                    CREATE TRIGGER article_search_trigger BEFORE INSERT OR UPDATE ON article
                      FOR EACH ROW EXECUTE FUNCTION article_search_update();
                    UPDATE article SET title = title;""", """
                    DROP TRIGGER article_search_trigger ON article;
                    DROP FUNCTION article_search_update();""");
        }
        files.write(CATEGORIES, TRIGGERS, "adding article categories", """
                CREATE TABLE category (
                    category_id INTEGER NOT NULL,
                    title VARCHAR(100),
                    slug VARCHAR(100),
                    CONSTRAINT pk_category PRIMARY KEY (category_id),
                    CONSTRAINT uq_category_slug UNIQUE (slug)
                );
                CREATE TABLE article_categories (
                    article_id INTEGER NOT NULL REFERENCES article (article_id),
                    category_id INTEGER NOT NULL REFERENCES category (category_id),
                    CONSTRAINT pk_article_categories PRIMARY KEY (article_id, category_id)
                );""", """
                DROP TABLE article_categories;
                DROP TABLE category;""");
    }

    /** The query that finds articles by full-text search, in the database's dialect. */
    public static String searchQuery(String kind, String word) {
        return kind.equals("sqlite")
                ? "SELECT a.title FROM article_search s JOIN article a ON a.article_id = s.rowid "
                  + "WHERE article_search MATCH '" + word + "' ORDER BY rank"
                : "SELECT title FROM article WHERE search @@ to_tsquery('english', '" + word + "')";
    }
}
