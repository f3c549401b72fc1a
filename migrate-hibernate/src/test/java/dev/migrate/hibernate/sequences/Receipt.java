package dev.migrate.hibernate.sequences;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code GenerationType.AUTO}: on PostgreSQL, Hibernate 7 draws the id from a sequence of its own naming. */
@Entity
@Table(name = "receipts")
public class Receipt {

    @Id
    @GeneratedValue
    private Long id;

    private int amount;

    protected Receipt() {
    }

    public Receipt(int amount) {
        this.amount = amount;
    }

    public Long getId() {
        return id;
    }
}
