package dev.migrate.autoconfigure;

import com.jayway.jsonpath.JsonPath;
import dev.migrate.shell.DbCommandModeListener;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata an IDE shows is complete: every MigrateProperties field and every property a condition of
 * the starter's auto-configurations reads has an entry with a description, internal switches stay out of the public
 * migrate.* namespace, and the auto-configuration metadata Boot filters with before loading classes is generated.
 */
class ConfigurationMetadataTest {

    private static final String INTERNAL = "dev.migrate.internal.";

    private static final String AUTO_CONFIGURATIONS =
            "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

    @Test
    void everyConfigurationPropertiesFieldHasADescription() throws IOException {
        Map<String, String> described = descriptions();
        List<String> fields = propertyNames("migrate.", MigrateProperties.class);
        assertThat(fields).isNotEmpty().allSatisfy(name -> assertThat(described.get(name))
                .as("description of %s", name).isNotBlank().doesNotContain("{@").endsWith("."));
    }

    /** The properties of {@code type}'s fields, those of a nested properties class (migrate.fleet.*) by its fields. */
    private static List<String> propertyNames(String prefix, Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            if (field.getType().getDeclaringClass() == MigrateProperties.class && !field.getType().isEnum()) {
                names.addAll(propertyNames(prefix + kebab(field.getName()) + ".", field.getType()));
            } else {
                names.add(prefix + kebab(field.getName()));
            }
        }
        return names;
    }

    @Test
    void everyPropertyTheAutoConfigurationsConditionsReadIsDescribed() throws Exception {
        Map<String, String> described = descriptions();
        Set<String> read = new LinkedHashSet<>();
        for (String name : autoConfigurations()) {
            conditionProperties(Class.forName(name), read);
        }
        assertThat(read).contains("migrate.enabled", "management.health.migrations.enabled");
        // the internal switches, set by the starter itself, are the only ones left undocumented
        read.removeIf(name -> name.startsWith(INTERNAL));
        assertThat(read).allSatisfy(name -> assertThat(described.get(name)).as("description of %s", name).isNotBlank());
    }

    @Test
    void internalSwitchesAreOutsideThePublicNamespace() throws Exception {
        Field noPrompt = Class.forName("dev.migrate.shell.WebApplicationShellDefaults").getDeclaredField("NO_PROMPT");
        noPrompt.setAccessible(true);
        assertThat(List.of(DbCommandModeListener.ACTIVE_PROPERTY, (String) noPrompt.get(null)))
                .allSatisfy(name -> assertThat(name).startsWith(INTERNAL));
        assertThat(descriptions().keySet()).allSatisfy(name -> assertThat(name).doesNotContain("internal"));
    }

    @Test
    void theAutoConfigurationMetadataIsGenerated() throws IOException {
        URL ours = null;
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/spring-autoconfigure-metadata.properties"))) {
            if (url.toString().contains("migrate-spring-boot-autoconfigure")) {
                ours = url;
            }
        }
        assertThat(ours).as("our spring-autoconfigure-metadata.properties").isNotNull();
        Properties metadata = new Properties();
        try (InputStream in = ours.openStream()) {
            metadata.load(in);
        }
        assertThat(metadata.getProperty(MigrateAutoConfiguration.class.getName() + ".ConditionalOnClass"))
                .isEqualTo("dev.migrate.command.Migrate");
        assertThat(metadata.getProperty(MigrateAutoConfiguration.class.getName() + ".AutoConfigureAfter"))
                .contains("DataSourceAutoConfiguration");
        for (String name : autoConfigurations()) {
            assertThat(metadata.stringPropertyNames()).as("entries for %s", name).anyMatch(key -> key.startsWith(name));
        }
    }

    /** The properties that the conditions on {@code type}, its methods and its nested classes read. */
    private static void conditionProperties(Class<?> type, Set<String> read) {
        List<AnnotatedElement> elements = new ArrayList<>();
        elements.add(type);
        elements.addAll(Arrays.asList(type.getDeclaredMethods()));
        for (AnnotatedElement element : elements) {
            ConditionalOnBooleanProperty bool = element.getAnnotation(ConditionalOnBooleanProperty.class);
            if (bool != null) {
                names(bool.prefix(), bool.name(), bool.value()).forEach(read::add);
            }
            ConditionalOnProperty property = element.getAnnotation(ConditionalOnProperty.class);
            if (property != null) {
                names(property.prefix(), property.name(), property.value()).forEach(read::add);
            }
            ConditionalOnEnabledHealthIndicator health = element.getAnnotation(ConditionalOnEnabledHealthIndicator.class);
            if (health != null) {
                read.add("management.health." + health.value() + ".enabled");
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            conditionProperties(nested, read);
        }
    }

    private static Stream<String> names(String prefix, String[] names, String[] values) {
        String start = prefix.isEmpty() ? "" : prefix.endsWith(".") ? prefix : prefix + ".";
        return Stream.concat(Arrays.stream(names), Arrays.stream(values)).map(name -> start + name);
    }

    private static List<String> autoConfigurations() throws IOException {
        List<String> names = new ArrayList<>();
        for (URL url : Collections.list(ConfigurationMetadataTest.class.getClassLoader().getResources(AUTO_CONFIGURATIONS))) {
            if (url.toString().contains("migrate-spring-boot-autoconfigure")) {
                try (InputStream in = url.openStream()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(names::add);
                }
            }
        }
        assertThat(names).isNotEmpty();
        return names;
    }

    private static Map<String, String> descriptions() throws IOException {
        String json = null;
        for (URL url : Collections.list(ConfigurationMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (text.contains(MigrateProperties.class.getName())) {
                    json = text;
                }
            }
        }
        assertThat(json).as("spring-configuration-metadata.json generated for MigrateProperties").isNotNull();
        List<Map<String, Object>> properties = JsonPath.read(json, "$.properties[*]");
        Map<String, String> described = new java.util.LinkedHashMap<>();
        properties.forEach(p -> described.put((String) p.get("name"), (String) p.get("description")));
        return described;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
