package dev.migrate.hibernate.features;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;

@Entity
@Table(name = "card_payments")
public class CardPayment extends Payment {

    @Column(nullable = false, length = 4)
    private String lastDigits;

    protected CardPayment() {
    }

    public CardPayment(BigDecimal amount, String lastDigits) {
        super(amount);
        this.lastDigits = lastDigits;
    }

    public String getLastDigits() {
        return lastDigits;
    }
}
