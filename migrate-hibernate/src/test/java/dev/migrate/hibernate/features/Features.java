package dev.migrate.hibernate.features;

import java.util.List;

/** One entity per mapping feature: the three inheritance strategies, an element collection, LOB, converter, check. */
public final class Features {

    public static final List<Class<?>> ENTITIES = List.of(Animal.class, Dog.class, Cat.class, Payment.class,
            CardPayment.class, Document.class, Invoice.class, Recipe.class, Attachment.class, MinutesConverter.class);

    private Features() {
    }
}
