-- DB initial migration
--
-- Revision ID: 9a0e4c7b1f22
-- Revises: 
-- Create Date: 2026-11-21 07:38:01.612222
-- Branch Labels: 
-- Depends On: 

-- migrate:upgrade
CREATE TABLE article (
    article_id INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    content TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_article PRIMARY KEY (article_id)
);


-- migrate:downgrade
-- WARNING: article: dropping the table loses all its rows
DROP TABLE article;

