package dev.migrate.hibernate.features;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("DOG")
public class Dog extends Animal {

    private Boolean goodBoy;

    protected Dog() {
    }

    public Dog(String name, boolean goodBoy) {
        super(name);
        this.goodBoy = goodBoy;
    }
}
