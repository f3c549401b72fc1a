package dev.migrate.clinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An embedded value: its fields are columns of the owner's table. */
@Embeddable
public class Address {

    @Column(nullable = false)
    private String street;

    @Column(nullable = false, length = 80)
    private String city;

    @Column(length = 10)
    private String postalCode;

    protected Address() {
    }

    public Address(String street, String city, String postalCode) {
        this.street = street;
        this.city = city;
        this.postalCode = postalCode;
    }

    public String getCity() {
        return city;
    }
}
