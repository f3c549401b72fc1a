package dev.migrate.hibernate.validated;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Columns whose constraints come from Bean Validation only: Hibernate adds them to the DDL when it starts. */
@Entity
@Table(name = "members")
public class Member {

    @Id
    private Long id;

    @NotNull
    private String name;

    @Size(max = 20)
    private String code;

    @Min(1)
    @Max(5)
    private Integer stars;

    protected Member() {
    }

    public Member(Long id, String name, String code, Integer stars) {
        this.id = id;
        this.name = name;
        this.code = code;
        this.stars = stars;
    }
}
