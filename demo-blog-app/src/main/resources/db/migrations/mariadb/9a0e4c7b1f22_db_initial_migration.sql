-- DB initial migration
--
-- Revision ID: 9a0e4c7b1f22
-- Revises:
-- Create Date: 2026-12-07 17:45:10.204117
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE article (
    article_id INT NOT NULL AUTO_INCREMENT,
    title VARCHAR(200) NOT NULL,
    content TEXT NOT NULL,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_article PRIMARY KEY (article_id)
);

-- migrate:downgrade
DROP TABLE article;
