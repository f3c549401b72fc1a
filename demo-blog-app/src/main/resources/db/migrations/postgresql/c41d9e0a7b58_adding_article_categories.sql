-- adding article categories
--
-- Revision ID: c41d9e0a7b58
-- Revises: 6b7d2e91c4a3
-- Create Date: 2026-11-21 09:40:17.920455
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE category (
    category_id SERIAL NOT NULL,
    title VARCHAR,
    slug VARCHAR,
    CONSTRAINT pk_category PRIMARY KEY (category_id),
    CONSTRAINT uq_category_slug UNIQUE (slug)
);

CREATE TABLE article_categories (
    article_id INTEGER NOT NULL REFERENCES article (article_id),
    category_id INTEGER NOT NULL REFERENCES category (category_id),
    CONSTRAINT pk_article_categories PRIMARY KEY (article_id, category_id)
);

-- migrate:downgrade
DROP TABLE article_categories;
DROP TABLE category;
