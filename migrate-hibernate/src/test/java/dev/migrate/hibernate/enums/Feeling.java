package dev.migrate.hibernate.enums;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Java enum mapped to a named PostgreSQL enum type ({@code SqlTypes.NAMED_ENUM}): Hibernate 7 names it Mood. */
@Entity
@Table(name = "feelings")
public class Feeling {

    public enum Mood { SAD, OK, HAPPY }

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    private Mood mood;

    protected Feeling() {
    }

    public Feeling(Long id, Mood mood) {
        this.id = id;
        this.mood = mood;
    }
}
