package dev.migrate.hibernate.features;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Comment;

/** Comments: Hibernate's {@code @Comment} on the class and on a field, and JPA 3.2's {@code @Column(comment)}. */
@Entity
@Table(name = "shelves")
@Comment("Shelves in the store")
public class Shelf {

    @Id
    private Integer id;

    @Comment("Where it stands, as the staff say it")
    @Column(length = 40)
    private String place;

    @Column(comment = "How many boxes it holds")
    private int capacity;

    protected Shelf() {
    }

    public Shelf(Integer id, String place, int capacity) {
        this.id = id;
        this.place = place;
        this.capacity = capacity;
    }

    public String getPlace() {
        return place;
    }
}
