package dev.migrate.test;

import dev.migrate.command.Migrate;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Gives test methods a {@link MigrationChecks} parameter over the {@code Migrate} bean of the test's Spring context
 * ({@code @SpringBootTest}, {@code @JdbcTest}, {@code @DataJpaTest}, {@code @SpringJUnitConfig}...), with the
 * password of the context's connection details for the database client of the offline check. Register it after
 * Spring's extension, which those annotations register first.
 */
public final class MigrationChecksExtension implements ParameterResolver {

    private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MigrationChecks.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        MigrationChecks checks = MigrationChecks.of(springMigrate(context))
                .databasePassword(SpringContexts.password(context));
        return context.getTestInstance().filter(MigrationTests.class::isInstance).map(MigrationTests.class::cast)
                .map(tests -> tests.configure(checks)).orElse(checks);
    }

    private static Migrate springMigrate(ExtensionContext context) {
        if (!springTestPresent()) {
            throw new ParameterResolutionException("A MigrationChecks parameter needs spring-test and a Spring test "
                    + "context with a Migrate bean; without Spring, build the checks with MigrationChecks.of(migrate)");
        }
        return SpringContexts.migrate(context);
    }

    private static boolean springTestPresent() {
        try {
            Class.forName(SPRING_EXTENSION, false, MigrationChecksExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
