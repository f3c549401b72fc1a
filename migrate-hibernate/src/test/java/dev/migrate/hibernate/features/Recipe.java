package dev.migrate.hibernate.features;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/** An element collection (its own table), a converted field, a table check, an enum stored by ordinal. */
@Entity
@Table(name = "recipes")
@Check(name = "recipes_servings_check", constraints = "servings > 0")
public class Recipe {

    public enum Difficulty { EASY, MEDIUM, HARD }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(nullable = false, length = 80)
    private String title;

    @Column(nullable = false)
    private int servings;

    @Enumerated(EnumType.ORDINAL)
    private Difficulty difficulty;

    @Convert(converter = MinutesConverter.class)
    private Duration preparation;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recipe_tags", joinColumns = @JoinColumn(name = "recipe_id"))
    @Column(name = "tag", nullable = false, length = 30)
    private Set<String> tags = new LinkedHashSet<>();

    protected Recipe() {
    }

    public Recipe(String title, int servings, Difficulty difficulty, Duration preparation) {
        this.title = title;
        this.servings = servings;
        this.difficulty = difficulty;
        this.preparation = preparation;
    }

    public Set<String> getTags() {
        return tags;
    }

    public Duration getPreparation() {
        return preparation;
    }

    public Difficulty getDifficulty() {
        return difficulty;
    }
}
