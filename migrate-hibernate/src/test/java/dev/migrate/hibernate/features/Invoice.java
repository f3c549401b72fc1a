package dev.migrate.hibernate.features;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;

@Entity
@Table(name = "invoices")
public class Invoice extends Document {

    private LocalDate dueOn;

    protected Invoice() {
    }

    public Invoice(Integer id, String title, LocalDate dueOn) {
        super(id, title);
        this.dueOn = dueOn;
    }
}
