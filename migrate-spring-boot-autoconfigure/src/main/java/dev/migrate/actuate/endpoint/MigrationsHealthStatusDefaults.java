package dev.migrate.actuate.endpoint;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Makes {@code OUT_OF_DATE} count in {@code /actuator/health}: Boot's default status order knows only DOWN,
 * OUT_OF_SERVICE, UP and UNKNOWN and leaves any other status out of the aggregate, so a database behind the
 * scripts would still answer 200 UP. Unless the application sets them itself, the order becomes
 * {@value #DEFAULT_ORDER} and {@code OUT_OF_DATE} maps to 503 ({@code AHEAD}, a database ahead of the scripts that
 * the application runs on as it is, keeps the default 200). Lowest precedence, and only for the settings
 * the application leaves unset: a user's own {@code status.order} or {@code http-mapping.out-of-date} wins.
 * Listed in META-INF/spring.factories.
 */
public final class MigrationsHealthStatusDefaults implements EnvironmentPostProcessor {

    static final String ORDER = "management.endpoint.health.status.order";
    static final String HTTP_MAPPING = "management.endpoint.health.status.http-mapping";
    static final String DEFAULT_ORDER = "down,out-of-service,out-of-date,ahead,up,unknown";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!ClassUtils.isPresent("org.springframework.boot.health.contributor.HealthIndicator",
                application.getClassLoader())) {
            return;
        }
        Binder binder = Binder.get(environment);
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (!binder.bind(ORDER, Bindable.listOf(String.class)).isBound()) {
            defaults.put(ORDER, DEFAULT_ORDER);
        }
        Map<String, String> mapping = binder.bind(HTTP_MAPPING, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        if (mapping.keySet().stream().noneMatch(status -> uniform(status).equals("OUTOFDATE"))) {
            defaults.put(HTTP_MAPPING + ".out-of-date", "503");
        }
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("migrateHealthStatusDefaults", defaults));
        }
    }

    /** A status code as Boot compares them: letters and digits only, upper case (out-of-date is OUT_OF_DATE). */
    private static String uniform(String code) {
        return code.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }
}
