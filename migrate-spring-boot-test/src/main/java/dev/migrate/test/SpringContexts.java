package dev.migrate.test;

import dev.migrate.command.Migrate;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Kept apart so that the extension loads without Spring on the class path; only this class touches it. */
final class SpringContexts {

    private SpringContexts() {
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
