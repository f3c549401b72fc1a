package dev.migrate.clinic;

import dev.migrate.clinic.model.Pet;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface Pets extends JpaRepository<Pet, Integer> {

    List<Pet> findByOwnerId(Integer ownerId);
}
