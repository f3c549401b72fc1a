-- report
--
-- Revision ID: cccc00000001
-- Revises:
-- Create Date: 2026-12-07 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE report (id INTEGER PRIMARY KEY);

-- migrate:downgrade
DROP TABLE report;
