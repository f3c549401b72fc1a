-- adding article categories
--
-- Revision ID: c41d9e0a7b58
-- Revises: 6b7d2e91c4a3
-- Create Date: 2026-11-21 07:38:01.732269
-- Branch Labels: 
-- Depends On: 

-- migrate:upgrade
CREATE TABLE category (
    category_id INTEGER NOT NULL,
    title VARCHAR,
    slug VARCHAR,
    CONSTRAINT pk_category PRIMARY KEY (category_id),
    CONSTRAINT uq_category_slug UNIQUE (slug)
);

CREATE TABLE article_categories (
    article_id INTEGER NOT NULL,
    category_id INTEGER NOT NULL,
    CONSTRAINT pk_article_categories PRIMARY KEY (article_id, category_id),
    CONSTRAINT fk_article_categories_article_id_article FOREIGN KEY (article_id) REFERENCES article (article_id),
    CONSTRAINT fk_article_categories_category_id_category FOREIGN KEY (category_id) REFERENCES category (category_id)
);


-- migrate:downgrade
-- WARNING: article_categories: dropping the table loses all its rows
DROP TABLE article_categories;

-- WARNING: category: dropping the table loses all its rows
DROP TABLE category;

