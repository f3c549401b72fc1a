package dev.migrate.autoconfigure.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A JPA entity whose table only a migration script creates (db/test-migrations, with the row of Ada). */
@Entity
public class Person {

    @Id
    @Column(name = "person_id")
    private Integer id;

    private String name;

    protected Person() {
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
