package dev.migrate.hibernate.features;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The basic Java types, each as Hibernate types its column for the dialect. */
@Entity
@Table(name = "measurements")
public class Measurement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    private Double reading;
    private Float weight;
    private Long counter;
    private Short rank;
    private Boolean valid;
    private Character grade;
    private BigInteger total;
    private Instant takenAt;
    private OffsetDateTime reportedAt;
    private LocalTime timeOfDay;
    private UUID reference;

    protected Measurement() {
    }

    public Measurement(double reading, Instant takenAt, UUID reference) {
        this.reading = reading;
        this.weight = 1.5f;
        this.counter = 1L << 40;
        this.rank = 3;
        this.valid = true;
        this.grade = 'A';
        this.total = BigInteger.TEN.pow(30);
        this.takenAt = takenAt;
        this.reportedAt = null;
        this.timeOfDay = LocalTime.of(9, 30);
        this.reference = reference;
    }

    public Double getReading() {
        return reading;
    }

    public UUID getReference() {
        return reference;
    }

    public BigInteger getTotal() {
        return total;
    }
}
