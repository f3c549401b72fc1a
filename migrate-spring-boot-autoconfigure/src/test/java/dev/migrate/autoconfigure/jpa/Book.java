package dev.migrate.autoconfigure.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A JPA entity whose table only the migration script creates (db/jpa-migrations). */
@Entity
public class Book {

    @Id
    @Column(name = "book_id")
    private Long id;

    private String title;

    protected Book() {
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }
}
