package dev.migrate.autoconfigure.converted;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An application whose only entity has a converter that Spring creates, with a bean of the application. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class ConvertedApplication {

    @Bean
    Library library() {
        return new Library("MAIN");
    }

    public record Library(String code) {
    }
}
