package dev.migrate.autoconfigure.models;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Makes this package the application's auto-configuration package, as @SpringBootApplication does. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class ModelsApplication {
}
