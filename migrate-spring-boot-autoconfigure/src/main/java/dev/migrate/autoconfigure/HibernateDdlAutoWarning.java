package dev.migrate.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;

import java.util.Locale;
import java.util.Set;

/**
 * Warns once at startup when Hibernate is told to change the schema ({@code spring.jpa.hibernate.ddl-auto} or
 * {@code hibernate.hbm2ddl.auto} other than {@code none}/{@code validate}): the migrations manage it, and two tools
 * changing one schema drift apart (Hibernate's {@code update} never drops, renames or writes a downgrade).
 */
final class HibernateDdlAutoWarning implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(HibernateDdlAutoWarning.class);
    private static final Set<String> HARMLESS = Set.of("none", "validate");
    private static final String[] PROPERTIES = {"spring.jpa.properties.hibernate.hbm2ddl.auto",
            "spring.jpa.hibernate.ddl-auto"};

    private final Environment environment;

    HibernateDdlAutoWarning(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String property : PROPERTIES) {
            String value = environment.getProperty(property);
            if (value != null) {
                if (!HARMLESS.contains(value.strip().toLowerCase(Locale.ROOT))) {
                    log.warn("{}={} lets Hibernate change the schema that the migrations manage: two tools now manage"
                            + " one schema; set it to validate (or none) and let 'db migrate' write the changes",
                            property, value);
                }
                return; // the first one set is the one Hibernate uses
            }
        }
    }
}
