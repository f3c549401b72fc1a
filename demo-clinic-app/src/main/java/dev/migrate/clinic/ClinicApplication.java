package dev.migrate.clinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small clinic mapped with JPA entities ({@code model}): the starter upgrades the database at startup, Hibernate
 * then validates it ({@code ddl-auto=validate}), and {@code db migrate} writes the scripts from the entities.
 */
@SpringBootApplication
public class ClinicApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClinicApplication.class, args);
    }
}
