-- add fts
--
-- Revision ID: 2f1c3a9b7d10
-- Revises: 9a0e4c7b1f22
-- Create Date: 2026-11-21 09:20:03.551907
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE VIRTUAL TABLE article_search USING fts5(
    title, content,
    content=article, content_rowid=article_id,
    tokenize="porter unicode61"
);

-- migrate:downgrade
DROP TABLE article_search;
