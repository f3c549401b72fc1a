package dev.migrate.autoconfigure.converted;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity whose converter is a Spring bean with a dependency, as Boot's Hibernate creates it. */
@Entity
@Table(name = "loans")
public class Loan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Convert(converter = ShelfmarkConverter.class)
    private String shelfmark;

    protected Loan() {
    }
}
