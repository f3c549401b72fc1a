-- create greeting
--
-- Revision ID: 5e1f0c2a9b3d
-- Revises:
-- Create Date: 2026-12-07 17:30:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE greeting (
    id INTEGER NOT NULL PRIMARY KEY,
    text VARCHAR(100) NOT NULL
);

INSERT INTO greeting (id, text) VALUES (1, 'Hello from a migrated database');

-- migrate:downgrade
DROP TABLE greeting;
