-- create pet
--
-- Revision ID: f6e5d4c3b2a1
-- Revises: a1b2c3d4e5f6
-- Create Date: 2026-11-21 10:05:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE pet (
    pet_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES person (person_id),
    CONSTRAINT pk_pet PRIMARY KEY (pet_id)
);

-- migrate:downgrade
DROP TABLE pet;
