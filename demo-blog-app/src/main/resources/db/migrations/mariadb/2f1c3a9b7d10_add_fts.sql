-- add fts
--
-- Revision ID: 2f1c3a9b7d10
-- Revises: 9a0e4c7b1f22
-- Create Date: 2026-12-07 17:45:10.318462
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
-- The search index is a table of its own, as on PostgreSQL, and not a FULLTEXT index on article itself:
-- article's indexes belong to the models (autogenerate would drop one they do not declare), while
-- article_search is @Unmanaged (model ArticleSearch), so db migrate and db check leave it alone.
-- Queried with MATCH (title, content) AGAINST (... IN BOOLEAN MODE), every word required: the index is created
-- without InnoDB's stopword list (fixed when the index is created), or a required "the" or "with" would match
-- nothing.
SET @ft_stopword = @@SESSION.innodb_ft_enable_stopword;
SET SESSION innodb_ft_enable_stopword = OFF;
CREATE TABLE article_search (
    article_id INT NOT NULL,
    title VARCHAR(200) NOT NULL,
    content TEXT NOT NULL,
    CONSTRAINT pk_article_search PRIMARY KEY (article_id),
    CONSTRAINT fk_article_search_article FOREIGN KEY (article_id) REFERENCES article (article_id) ON DELETE CASCADE,
    FULLTEXT INDEX ix_article_search_text (title, content)
) ENGINE=InnoDB;
SET SESSION innodb_ft_enable_stopword = @ft_stopword;

-- migrate:downgrade
DROP TABLE article_search;
