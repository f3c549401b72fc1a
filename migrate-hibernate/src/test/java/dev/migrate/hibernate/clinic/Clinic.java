package dev.migrate.hibernate.clinic;

import java.util.List;

/** The clinic's entities, as an application's entity scan would find them. */
public final class Clinic {

    public static final List<Class<?>> ENTITIES =
            List.of(Owner.class, Pet.class, Visit.class, Vet.class, Specialty.class);

    private Clinic() {
    }
}
