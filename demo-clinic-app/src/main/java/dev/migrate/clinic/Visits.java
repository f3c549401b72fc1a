package dev.migrate.clinic;

import dev.migrate.clinic.model.Visit;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface Visits extends JpaRepository<Visit, Integer> {

    List<Visit> findByPetIdOrderByDate(Integer petId);
}
