package dev.migrate.hibernate.clinic.changed;

import dev.migrate.hibernate.clinic.Pet;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The clinic's {@code Visit} after three edits: {@code description} longer (255 to 500), a new {@code notes} field,
 * and an index on the visit date. Everything else as in {@link dev.migrate.hibernate.clinic.Visit}.
 */
@Entity(name = "Visit")
@Table(name = "visits", indexes = @Index(name = "visits_visit_date_idx", columnList = "visit_date"))
public class Visit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(name = "visit_date", nullable = false)
    private LocalDateTime date;

    @Column(length = 500)
    private String description;

    @Column(precision = 10, scale = 2)
    private BigDecimal fee;

    @ColumnDefault("false")
    @Column(nullable = false)
    private boolean paid;

    @Column(length = 2000)
    private String notes;

    @ManyToOne(optional = false)
    @JoinColumn(name = "pet_id")
    private Pet pet;

    protected Visit() {
    }
}
