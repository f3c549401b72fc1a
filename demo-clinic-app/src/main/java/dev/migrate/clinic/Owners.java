package dev.migrate.clinic;

import dev.migrate.clinic.model.Owner;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface Owners extends JpaRepository<Owner, Integer> {

    List<Owner> findByLastNameOrderByFirstName(String lastName);
}
