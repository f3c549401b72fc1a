-- add fts related triggers
--
-- Revision ID: 6b7d2e91c4a3
-- Revises: 2f1c3a9b7d10
-- Create Date: 2026-12-07 17:45:10.442905
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
-- InnoDB keeps the FULLTEXT index of article_search by itself; these triggers keep article_search's rows
-- equal to article's (a deleted article takes its row with it through the foreign key's ON DELETE CASCADE).
CREATE TRIGGER article_ai AFTER INSERT ON article FOR EACH ROW
  INSERT INTO article_search (article_id, title, content) VALUES (NEW.article_id, NEW.title, NEW.content);

CREATE TRIGGER article_au AFTER UPDATE ON article FOR EACH ROW
  UPDATE article_search SET title = NEW.title, content = NEW.content WHERE article_id = NEW.article_id;

-- Index what was written before the triggers existed.
INSERT INTO article_search (article_id, title, content)
SELECT article_id, title, content FROM article;

-- migrate:downgrade
DROP TRIGGER article_au;
DROP TRIGGER article_ai;
DELETE FROM article_search;
