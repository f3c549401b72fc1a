-- add fts related triggers
--
-- Revision ID: 6b7d2e91c4a3
-- Revises: 2f1c3a9b7d10
-- Create Date: 2026-11-21 09:26:41.087342
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TRIGGER article_ai AFTER INSERT ON article BEGIN
  INSERT INTO article_search(rowid, title, content) VALUES (new.article_id, new.title, new.content);
END;

CREATE TRIGGER article_ad AFTER DELETE ON article BEGIN
  INSERT INTO article_search(article_search, rowid, title, content) VALUES ('delete', old.article_id, old.title, old.content);
END;

CREATE TRIGGER article_au AFTER UPDATE ON article BEGIN
  INSERT INTO article_search(article_search, rowid, title, content) VALUES ('delete', old.article_id, old.title, old.content);
  INSERT INTO article_search(rowid, title, content) VALUES (new.article_id, new.title, new.content);
END;

-- Index what was written before the triggers existed.
INSERT INTO article_search(article_search) VALUES ('rebuild');

-- migrate:downgrade
DROP TRIGGER article_au;
DROP TRIGGER article_ad;
DROP TRIGGER article_ai;
