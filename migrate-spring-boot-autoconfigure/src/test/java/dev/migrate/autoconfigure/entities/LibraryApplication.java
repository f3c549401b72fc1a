package dev.migrate.autoconfigure.entities;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** This package as the application's own, as @SpringBootApplication makes it: its entities are the models. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class LibraryApplication {
}
