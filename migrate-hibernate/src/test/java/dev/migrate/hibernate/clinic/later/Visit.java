package dev.migrate.hibernate.clinic.later;

import dev.migrate.hibernate.clinic.Owner;
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
 * {@link dev.migrate.hibernate.clinic.changed.Visit} after three more edits: the field {@code description} renamed
 * {@code summary} with its column name kept, {@code notes} renamed {@code remarks} (a column rename), and a new
 * association to the owner billed.
 */
@Entity(name = "Visit")
@Table(name = "visits", indexes = @Index(name = "visits_visit_date_idx", columnList = "visit_date"))
public class Visit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(name = "visit_date", nullable = false)
    private LocalDateTime date;

    @Column(name = "description", length = 500)
    private String summary;

    @Column(precision = 10, scale = 2)
    private BigDecimal fee;

    @ColumnDefault("false")
    @Column(nullable = false)
    private boolean paid;

    @Column(length = 2000)
    private String remarks;

    @ManyToOne(optional = false)
    @JoinColumn(name = "pet_id")
    private Pet pet;

    @ManyToOne
    @JoinColumn(name = "billed_to_id")
    private Owner billedTo;

    protected Visit() {
    }
}
