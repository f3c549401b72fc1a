-- add fts
--
-- Revision ID: 2f1c3a9b7d10
-- Revises: 9a0e4c7b1f22
-- Create Date: 2026-11-21 09:20:03.551907
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE article_search (
    article_id INTEGER NOT NULL PRIMARY KEY REFERENCES article (article_id) ON DELETE CASCADE,
    document TSVECTOR NOT NULL
);
CREATE INDEX ix_article_search_document ON article_search USING GIN (document);

-- migrate:downgrade
DROP TABLE article_search;
