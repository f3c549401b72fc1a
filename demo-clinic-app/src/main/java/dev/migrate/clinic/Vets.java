package dev.migrate.clinic;

import dev.migrate.clinic.model.Vet;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface Vets extends JpaRepository<Vet, Integer> {

    /** With their specialties, read through the many-to-many join table. */
    @EntityGraph(attributePaths = "specialties")
    List<Vet> findAllByOrderByLastName();
}
