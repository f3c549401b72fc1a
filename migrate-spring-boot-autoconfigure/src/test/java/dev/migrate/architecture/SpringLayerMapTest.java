package dev.migrate.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The Spring layer's map (docs/architecture.md): the shell commands and the actuator endpoint call the
 * engine's facade, never the auto-configuration package or each other, so each can go without the other.
 */
class SpringLayerMapTest {

    private static JavaClasses spring;

    @BeforeAll
    static void importSpringLayer() {
        spring = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.migrate.autoconfigure", "dev.migrate.shell", "dev.migrate.actuate");
    }

    @Test
    void shellUsesNeitherTheAutoConfigurationPackageNorTheEndpoint() {
        noClasses().that().resideInAPackage("dev.migrate.shell..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.migrate.autoconfigure..", "dev.migrate.actuate..")
                .check(spring);
    }

    @Test
    void theEndpointUsesNeitherTheAutoConfigurationPackageNorTheShell() {
        noClasses().that().resideInAPackage("dev.migrate.actuate..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.migrate.autoconfigure..", "dev.migrate.shell..")
                .check(spring);
    }

    @Test
    void theAutoConfigurationPackageKnowsNoFrontEnd() {
        noClasses().that().resideInAPackage("dev.migrate.autoconfigure..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.migrate.shell..", "dev.migrate.actuate..")
                .check(spring);
    }

    /**
     * {@code db --help}'s code runs without Spring: the jar launcher of migrate-spring-boot-launcher loads it from the
     * packaged jar in a class loader that holds only this module's classes over the JDK's.
     */
    @Test
    void theHelpDependsOnTheJdkAndItselfOnly() {
        String help = "dev\\.migrate\\.shell\\.(DbHelp|DbCommandLineParser|DbVerb|DbInvocation|DbUsageException)(\\$.*)?";
        String jdk = "java\\..*|\\[.*|byte|char|short|int|long|float|double|boolean|void";
        classes().that().haveNameMatching(help)
                .should().onlyDependOnClassesThat().haveNameMatching(jdk + "|" + help)
                .check(spring);
    }
}
