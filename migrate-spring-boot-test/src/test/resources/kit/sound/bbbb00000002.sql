-- add orders
--
-- Revision ID: bbbb00000002
-- Revises: aaaa00000001
-- Create Date: 2026-12-07 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY);

-- migrate:downgrade
DROP TABLE orders;
