package dev.migrate.hibernate.clinic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(name = "specialties", uniqueConstraints = @UniqueConstraint(name = "specialties_name_key", columnNames = "name"))
public class Specialty {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(nullable = false, length = 80)
    private String name;

    protected Specialty() {
    }

    public Specialty(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
