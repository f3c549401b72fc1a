-- adding article categories
--
-- Revision ID: c41d9e0a7b58
-- Revises: 6b7d2e91c4a3
-- Create Date: 2026-12-07 17:45:10.561330
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE category (
    category_id INT NOT NULL AUTO_INCREMENT,
    title VARCHAR(255),
    slug VARCHAR(255),
    CONSTRAINT pk_category PRIMARY KEY (category_id),
    CONSTRAINT uq_category_slug UNIQUE (slug)
);

CREATE TABLE article_categories (
    article_id INT NOT NULL,
    category_id INT NOT NULL,
    CONSTRAINT pk_article_categories PRIMARY KEY (article_id, category_id),
    CONSTRAINT fk_article_categories_article_id_article FOREIGN KEY (article_id) REFERENCES article (article_id),
    CONSTRAINT fk_article_categories_category_id_category FOREIGN KEY (category_id) REFERENCES category (category_id)
);

-- migrate:downgrade
DROP TABLE article_categories;
DROP TABLE category;
