package dev.migrate.hibernate.clinic;

public enum PetType {
    CAT, DOG, HAMSTER, LIZARD
}
