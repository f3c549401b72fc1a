package dev.migrate.hibernate.sequences;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An id drawn from a named sequence, 50 ids per round trip (Hibernate's pooled optimizer). */
@Entity
@Table(name = "tickets")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tickets")
    @SequenceGenerator(name = "tickets", sequenceName = "ticket_ids", allocationSize = 50, initialValue = 1)
    private Long id;

    private String title;

    protected Ticket() {
    }

    public Ticket(String title) {
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }
}
