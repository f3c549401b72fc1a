package dev.migrate.hibernate.features;

import java.util.List;

/**
 * One entity per mapping feature: inheritance strategies, an element collection, LOB, converter, check, basic types,
 * comments.
 */
public final class Features {

    public static final List<Class<?>> ENTITIES = List.of(Animal.class, Dog.class, Cat.class, Payment.class,
            CardPayment.class, Document.class, Invoice.class, Recipe.class, Attachment.class, Measurement.class, MinutesConverter.class,
            Shelf.class);

    private Features() {
    }
}
