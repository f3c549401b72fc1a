package dev.migrate.clinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A visit: a timestamp, a decimal with precision and scale, a server default, a required many-to-one. */
@Entity
@Table(name = "visits")
public class Visit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(name = "visit_date", nullable = false)
    private LocalDateTime date;

    @Column(length = 255)
    private String description;

    @Column(precision = 10, scale = 2)
    private BigDecimal fee;

    @ColumnDefault("false")
    @Column(nullable = false)
    private boolean paid;

    @ManyToOne(optional = false)
    @JoinColumn(name = "pet_id")
    private Pet pet;

    protected Visit() {
    }

    public Visit(LocalDateTime date, String description, BigDecimal fee, Pet pet) {
        this.date = date;
        this.description = description;
        this.fee = fee;
        this.pet = pet;
    }

    public Integer getId() {
        return id;
    }

    public LocalDateTime getDate() {
        return date;
    }

    public boolean isPaid() {
        return paid;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getFee() {
        return fee;
    }

    public Pet getPet() {
        return pet;
    }
}
