package dev.migrate.clinic;

import dev.migrate.clinic.model.Address;
import dev.migrate.clinic.model.Owner;
import dev.migrate.clinic.model.Pet;
import dev.migrate.clinic.model.PetType;
import dev.migrate.clinic.model.Specialty;
import dev.migrate.clinic.model.Vet;
import dev.migrate.clinic.model.Visit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One day at the clinic, through the repositories: an owner brings a pet to a visit, a vet with two specialties
 * (the many-to-many) is on duty; then every table is read back. What the app does when run without a command.
 */
@Service
public class ClinicRounds {

    /** How many rows each entity's table holds after a day, and what was read back through the associations. */
    public record Day(long owners, long pets, long visits, long vets, long specialties, List<String> vetSpecialties,
                      String lastVisit) {

        @Override
        public String toString() {
            return "Clinic: %d owner(s), %d pet(s), %d visit(s), %d vet(s), %d specialt(ies); vets: %s; last visit: %s"
                    .formatted(owners, pets, visits, vets, specialties, vetSpecialties, lastVisit);
        }
    }

    private final Owners owners;
    private final Pets pets;
    private final Visits visits;
    private final Vets vets;
    private final Specialties specialties;

    ClinicRounds(Owners owners, Pets pets, Visits visits, Vets vets, Specialties specialties) {
        this.owners = owners;
        this.pets = pets;
        this.visits = visits;
        this.vets = vets;
        this.specialties = specialties;
    }

    @Transactional
    public Day oneDay() {
        Owner owner = owners.save(new Owner("George", "Franklin", new Address("110 W. Liberty St.", "Madison", "53703"),
                null));
        Pet pet = pets.save(new Pet("Leo", LocalDate.of(2020, 9, 7), PetType.CAT, owner));
        visits.save(new Visit(LocalDateTime.of(2026, 1, 2, 9, 30), "rabies shot", new BigDecimal("45.50"), pet));
        Vet vet = new Vet("Helen", "Leary");
        vet.getSpecialties().add(specialty("radiology"));
        vet.getSpecialties().add(specialty("surgery"));
        vets.save(vet);
        owners.flush();

        List<String> onDuty = vets.findAllByOrderByLastName().stream()
                .map(v -> v.getLastName() + " " + v.getSpecialties().stream().map(Specialty::getName).sorted().toList())
                .distinct().toList();
        Visit last = visits.findByPetIdOrderByDate(pet.getId()).get(0);
        String lastVisit = last.getPet().getName() + " (" + last.getPet().getType() + ", one of "
                + pets.findByOwnerId(owner.getId()).size() + " pet(s) of an owner in "
                + owners.findByLastNameOrderByFirstName("Franklin").get(0).getAddress().getCity() + "): "
                + last.getDescription() + ", " + last.getFee() + (last.isPaid() ? " paid" : " unpaid");
        return new Day(owners.count(), pets.count(), visits.count(),
                vets.count(), specialties.count(), onDuty, lastVisit);
    }

    private Specialty specialty(String name) {
        return specialties.findByName(name).orElseGet(() -> specialties.save(new Specialty(name)));
    }
}
