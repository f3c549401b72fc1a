package dev.migrate.clinic.model;

/** Stored by name: Hibernate 7 adds a check constraint listing the names. */
public enum PetType {
    CAT, DOG, HAMSTER, LIZARD
}
