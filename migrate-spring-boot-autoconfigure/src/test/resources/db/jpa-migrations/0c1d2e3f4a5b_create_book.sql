-- create book
--
-- Revision ID: 0c1d2e3f4a5b
-- Revises:
-- Create Date: 2026-11-21 11:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE book (
    book_id BIGINT NOT NULL,
    title VARCHAR(200) NOT NULL,
    CONSTRAINT pk_book PRIMARY KEY (book_id)
);

INSERT INTO book (book_id, title) VALUES (1, 'The Left Hand of Darkness');

-- migrate:downgrade
DROP TABLE book;
