package dev.migrate.clinic;

import dev.migrate.clinic.model.Specialty;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface Specialties extends JpaRepository<Specialty, Integer> {

    Optional<Specialty> findByName(String name);
}
