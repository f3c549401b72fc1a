-- create person
--
-- Revision ID: a1b2c3d4e5f6
-- Revises:
-- Create Date: 2026-11-21 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE person (
    person_id INTEGER NOT NULL,
    name VARCHAR(100) NOT NULL,
    CONSTRAINT pk_person PRIMARY KEY (person_id)
);

INSERT INTO person (person_id, name) VALUES (1, 'Ada');

-- migrate:downgrade
DROP TABLE person;
