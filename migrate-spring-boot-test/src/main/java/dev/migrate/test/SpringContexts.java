package dev.migrate.test;

import dev.migrate.command.Migrate;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.util.List;

/** Kept apart so that the extension loads without Spring on the class path; only this class touches it. */
final class SpringContexts {

    private SpringContexts() {
    }

    /**
     * The connection details a Boot context declares, the engine's own first ({@code migrate.user}/{@code password}),
     * else the application's ({@code spring.datasource.*}, Testcontainers' {@code @ServiceConnection}): by name,
     * so that the kit needs neither Boot nor the auto-configuration on the class path.
     */
    private static final List<String> CONNECTION_DETAILS = List.of("dev.migrate.autoconfigure.MigrateConnectionDetails",
            "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails");

    /** The password of the first connection details bean that has one, for the database client; null if none. */
    static String password(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        for (String type : CONNECTION_DETAILS) {
            try {
                Class<?> details = Class.forName(type, false, spring.getClassLoader());
                String[] beans = spring.getBeanNamesForType(details);
                if (beans.length == 1) {
                    Object password = details.getMethod("getPassword").invoke(spring.getBean(beans[0]));
                    if (password != null) {
                        return password.toString();
                    }
                }
            } catch (ClassNotFoundException e) {
                // that part of Boot is not on the class path: nothing declared there
            } catch (ReflectiveOperationException e) {
                throw new ParameterResolutionException("Could not read the password of the context's " + type, e);
            }
        }
        return null;
    }

    static Migrate migrate(ExtensionContext context) {
        try {
            return SpringExtension.getApplicationContext(context).getBean(Migrate.class);
        } catch (NoSuchBeanDefinitionException e) {
            throw new ParameterResolutionException("The test's Spring context has no Migrate bean; add the migrate "
                    + "starter (or a Migrate @Bean) to the context, or build the checks with MigrationChecks.of(migrate)",
                    e);
        }
    }
}
