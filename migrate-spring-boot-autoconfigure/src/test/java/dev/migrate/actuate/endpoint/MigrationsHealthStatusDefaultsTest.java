package dev.migrate.actuate.endpoint;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** OUT_OF_DATE is ordered and mapped to 503 unless the application orders or maps it itself, in any form Boot binds. */
class MigrationsHealthStatusDefaultsTest {

    private static Binder processed(Map<String, Object> userSettings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("user", userSettings));
        ConfigurationPropertySources.attach(environment);
        new MigrationsHealthStatusDefaults().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment);
    }

    private static List<String> order(Binder binder) {
        return binder.bind(MigrationsHealthStatusDefaults.ORDER, Bindable.listOf(String.class)).get();
    }

    private static Map<String, String> mapping(Binder binder) {
        return binder.bind(MigrationsHealthStatusDefaults.HTTP_MAPPING, Bindable.mapOf(String.class, String.class)).get();
    }

    @Test
    void byDefaultOutOfDateRanksBelowOutOfServiceAndAnswers503() {
        Binder binder = processed(Map.of());
        assertThat(order(binder)).containsExactly("down", "out-of-service", "out-of-date", "ahead", "up", "unknown");
        assertThat(mapping(binder)).containsExactly(Map.entry("out-of-date", "503"));
    }

    @Test
    void theApplicationsOwnOrderWinsInAnyForm() {
        assertThat(order(processed(Map.of("management.endpoint.health.status.order", "down,up"))))
                .containsExactly("down", "up");
        assertThat(order(processed(Map.of("management.endpoint.health.status.order[0]", "fatal",
                "management.endpoint.health.status.order[1]", "down")))).containsExactly("fatal", "down");
    }

    @Test
    void theApplicationsOwnMappingOfOutOfDateWinsAndOtherMappingsAddToOurs() {
        assertThat(mapping(processed(Map.of("management.endpoint.health.status.http-mapping.OUT_OF_DATE", "200"))))
                .containsExactly(Map.entry("OUT_OF_DATE", "200"));
        assertThat(mapping(processed(Map.of("management.endpoint.health.status.http-mapping.down", "500"))))
                .containsOnly(Map.entry("down", "500"), Map.entry("out-of-date", "503"));
    }
}
