-- DB initial migration
--
-- Revision ID: 9a0e4c7b1f22
-- Revises:
-- Create Date: 2026-11-21 09:12:44.302118
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE article (
    article_id SERIAL NOT NULL,
    title VARCHAR(200) NOT NULL,
    content TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_article PRIMARY KEY (article_id)
);

-- migrate:downgrade
DROP TABLE article;
