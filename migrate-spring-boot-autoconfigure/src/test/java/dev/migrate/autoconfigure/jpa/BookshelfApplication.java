package dev.migrate.autoconfigure.jpa;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/**
 * Makes this package the application's auto-configuration package, as @SpringBootApplication does, so that
 * Hibernate finds {@link Book} and Spring Data finds {@link BookRepository} here and nowhere else.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class BookshelfApplication {
}
