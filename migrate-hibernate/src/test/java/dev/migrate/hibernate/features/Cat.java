package dev.migrate.hibernate.features;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("CAT")
public class Cat extends Animal {

    private Integer lives;

    protected Cat() {
    }

    public Cat(String name, int lives) {
        super(name);
        this.lives = lives;
    }
}
