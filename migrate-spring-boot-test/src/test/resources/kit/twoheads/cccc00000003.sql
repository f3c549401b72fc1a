-- add tags
--
-- Revision ID: cccc00000003
-- Revises: aaaa00000001
-- Create Date: 2026-12-07 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE tags (id INTEGER NOT NULL PRIMARY KEY);

-- migrate:downgrade
DROP TABLE tags;
