-- add fts related triggers
--
-- Revision ID: 6b7d2e91c4a3
-- Revises: 2f1c3a9b7d10
-- Create Date: 2026-11-21 09:26:41.087342
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE FUNCTION article_search_update() RETURNS trigger AS $$
BEGIN
  INSERT INTO article_search (article_id, document)
  VALUES (NEW.article_id, to_tsvector('english', NEW.title || ' ' || NEW.content))
  ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER article_aiu AFTER INSERT OR UPDATE ON article
  FOR EACH ROW EXECUTE FUNCTION article_search_update();

-- Index what was written before the trigger existed.
INSERT INTO article_search (article_id, document)
SELECT article_id, to_tsvector('english', title || ' ' || content) FROM article;

-- migrate:downgrade
DROP TRIGGER article_aiu ON article;
DROP FUNCTION article_search_update();
DELETE FROM article_search;
