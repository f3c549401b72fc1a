package dev.migrate.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the package map of docs/architecture.md true: no cycles, no dependency the map does not allow. */
class PackageMapTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.migrate");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.migrate.(*)..").should().beFreeOfCycles().check(engine);
    }

    @Test
    void graphDependsOnTheJdkOnly() {
        onlyOnJdkAnd("graph");
    }

    @Test
    void scriptDependsOnGraphOnly() {
        onlyOnJdkAnd("script", "graph");
    }

    @Test
    void dialectKnowsNoScriptsGraphOrRuntime() {
        noClasses().that().resideInAPackage("dev.migrate.dialect..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.migrate.graph..", "dev.migrate.script..",
                        "dev.migrate.runtime..", "dev.migrate.command..")
                .check(engine);
    }

    @Test
    void runtimeDoesNotKnowTheCommands() {
        noClasses().that().resideInAPackage("dev.migrate.runtime..")
                .should().dependOnClassesThat().resideInAPackage("dev.migrate.command..").check(engine);
    }

    @Test
    void theEngineHasNoSpringAndPrintsNothing() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(engine);
        ArchRule noPrinting = noClasses().should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err");
        noPrinting.check(engine);
    }

    private static void onlyOnJdkAnd(String packageName, String... allowed) {
        String[] packages = new String[allowed.length + 3];
        packages[0] = "dev.migrate." + packageName + "..";
        packages[1] = "java..";
        packages[2] = "org.slf4j..";
        for (int i = 0; i < allowed.length; i++) {
            packages[i + 3] = "dev.migrate." + allowed[i] + "..";
        }
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage("dev.migrate." + packageName + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(packages)
                .check(engine);
    }
}
