package dev.migrate.autoconfigure.jpa;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/**
 * Makes this package the application's auto-configuration package, as @SpringBootApplication does, so that
 * Hibernate finds {@link Person} and Spring Data finds {@link PersonRepository} here and nowhere else.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class PeopleApplication {
}
