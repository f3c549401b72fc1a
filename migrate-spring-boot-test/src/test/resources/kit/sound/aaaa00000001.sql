-- create users
--
-- Revision ID: aaaa00000001
-- Revises: 
-- Create Date: 2026-12-07 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50));

-- migrate:downgrade
DROP TABLE users;
