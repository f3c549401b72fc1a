package dev.migrate.hibernate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.CheckResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.RevisionRequest;
import dev.migrate.hibernate.clinic.Clinic;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.Schema;
import dev.migrate.testsupport.PostgresTest;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import javax.tools.ToolProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What building Hibernate's metamodel for a check costs besides the mapping itself: no connection (the dialect comes
 * from the settings, not from the database), no second build while the entities and settings stay the same, and no
 * repeated class-path search for a package's missing {@code package-info} (Hibernate looks for one four times per
 * entity and does not remember that it is not there).
 */
@PostgresTest
class EntityModelBuildTest {

    @TempDir
    Path tmp;

    /** A real DataSource that counts the connections asked of it. */
    static final class CountingDataSource {
        final AtomicInteger connections = new AtomicInteger();
        final DataSource dataSource;

        CountingDataSource(DataSource target) {
            this.dataSource = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                        if (method.getName().equals("getConnection")) {
                            connections.incrementAndGet();
                        }
                        try {
                            return method.invoke(target, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theMetamodelIsBuiltWithoutAConnectionEvenWithTheDataSourceInTheSettings(Kind kind) throws Exception {
        TestDatabase database = kind.create(tmp, "dialect");
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        EntityModelSettings settings = database.settings()
                .withSetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, counting.dataSource)
                .withSetting(AvailableSettings.DATASOURCE, counting.dataSource);

        Schema schema = EntityModelSource.of(Clinic.ENTITIES, settings).schema();

        assertThat(schema.table("owners")).isPresent();
        assertThat(counting.connections).hasValue(0);
    }

    /**
     * A check whose entity models are built for it connects as often as one given the same tables ready-made; a second
     * check on the same engine maps nothing again (the same tables, not a new build) and connects as often again.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCheckOnEntitiesConnectsAsACheckOnReadyMadeTablesAndTheSecondMapsNothingAgain(Kind kind) throws Exception {
        TestDatabase database = kind.create(tmp, "check");
        EntityModelSettings settings = database.settings();
        Path scripts = Files.createDirectories(tmp.resolve("scripts"));
        Migrate creating = new Migrate(MigrateConfig.builder().dataSource(database.dataSource()).dialect(kind.dialect())
                .scriptDirectory(scripts).model(EntityModelSource.of(Clinic.ENTITIES, settings)).build());
        creating.migrate(RevisionRequest.withMessage("clinic"), RenameDecider.NEVER);
        creating.upgrade("head");

        CountingDataSource readyMade = new CountingDataSource(database.dataSource());
        Schema tables = EntityModelSource.of(Clinic.ENTITIES, settings).schema();
        assertThat(check(readyMade, scripts, kind, ModelSource.of(tables)).upToDate()).isTrue();

        CountingDataSource entities = new CountingDataSource(database.dataSource());
        EntityModelSource models = EntityModelSource.of(Clinic.ENTITIES, settings);
        assertThat(check(entities, scripts, kind, models).upToDate()).isTrue();
        Schema first = models.schema();
        assertThat(entities.connections).hasValue(readyMade.connections.get());

        CountingDataSource again = new CountingDataSource(database.dataSource());
        assertThat(check(again, scripts, kind, models).upToDate()).isTrue();
        assertThat(models.schema()).isSameAs(first);
        assertThat(again.connections).hasValue(readyMade.connections.get());
    }

    /**
     * Two checks at once on one source (the Spring bean's case: a prompt and a running application's check, or two
     * tests), each reading the models on its own thread: both map the entities or share the tables mapped, and both
     * find the database at the entities' schema.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoChecksAtOnceOnOneSourceBothFindTheDatabaseUpToDate(Kind kind) throws Exception {
        TestDatabase database = kind.create(tmp, "together");
        EntityModelSettings settings = database.settings();
        Path scripts = Files.createDirectories(tmp.resolve("scripts"));
        EntityModelSource models = EntityModelSource.of(Clinic.ENTITIES, settings);
        Migrate engine = new Migrate(MigrateConfig.builder().dataSource(database.dataSource()).dialect(kind.dialect())
                .scriptDirectory(scripts).model(models).build());
        engine.migrate(RevisionRequest.withMessage("clinic"), RenameDecider.NEVER);
        engine.upgrade("head");

        EntityModelSource shared = EntityModelSource.of(Clinic.ENTITIES, settings);
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<CheckResult> check = () -> {
            together.await();
            return check(new CountingDataSource(database.dataSource()), scripts, kind, shared);
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<CheckResult> first = two.submit(check);
            Future<CheckResult> second = two.submit(check);
            assertThat(first.get().upToDate()).isTrue();
            assertThat(second.get().upToDate()).isTrue();
        } finally {
            two.shutdownNow();
        }
        assertThat(shared.schema()).isEqualTo(models.schema());
    }

    private static CheckResult check(CountingDataSource counting, Path scripts, Kind kind, ModelSource models) {
        return new Migrate(MigrateConfig.builder().dataSource(counting.dataSource).dialect(kind.dialect())
                .scriptDirectory(scripts).model(models).build()).check();
    }

    @Test
    void theMappedTablesAreKeptUntilTheSettingsChange() {
        AtomicReference<EntityModelSettings> settings = new AtomicReference<>(EntityModelSettings.forDatabase("sqlite"));
        AtomicInteger scans = new AtomicInteger();
        EntityModelSource models = EntityModelSource.lazy(() -> {
            scans.incrementAndGet();
            return Clinic.ENTITIES;
        }, settings::get);

        Schema first = models.schema();
        assertThat(models.schema()).isSameAs(first);
        assertThat(first.table("owners").orElseThrow().column("first_name")).isPresent();

        settings.set(settings.get().withNamingStrategies(PhysicalNamingStrategyStandardImpl.class.getName(), null));
        Schema renamed = models.schema();
        assertThat(renamed.table("owners").orElseThrow().column("firstName")).isPresent();
        assertThat(models.schema()).isSameAs(renamed);

        settings.set(EntityModelSettings.forDatabase("sqlite"));
        assertThat(models.schema()).isNotSameAs(first).isEqualTo(first);
        // the entity classes are found once: they do not change while the class loader lives
        assertThat(scans).hasValue(1);
    }

    /**
     * The application's JPA builds its metamodel without a schema action (a one-shot command turns it off, and
     * {@code validate} is none for this): Hibernate then leaves the columns of constraints in mapping order, where a
     * metamodel built for a check is ordered as Hibernate's {@code create} orders them (a join table's primary key
     * {@code (specialties_id, vet_id)}, not {@code (vet_id, specialties_id)}). Both must give the same tables, or
     * {@code db check} would see a primary-key change as one command builds and the next captures.
     */
    @Test
    void theApplicationsOwnMetamodelMapsAsOneBuiltForTheCheck() {
        EntityModelSettings settings = EntityModelSettings.forDatabase("sqlite");
        Schema built = EntityModelSource.of(Clinic.ENTITIES, settings).schema();

        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(Map.of(
                AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "SQLite", "hibernate.boot.allow_jdbc_metadata_access", false,
                AvailableSettings.PHYSICAL_NAMING_STRATEGY, settings.physicalNamingStrategy(),
                AvailableSettings.IMPLICIT_NAMING_STRATEGY, settings.implicitNamingStrategy())).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            Clinic.ENTITIES.forEach(sources::addAnnotatedClass);
            Metadata application = sources.buildMetadata();
            assertThat(application.getDatabase().getDefaultNamespace().getTables().stream()
                    .filter(table -> table.getName().equals("vets_specialties")).findFirst().orElseThrow()
                    .getPrimaryKey().getColumns()).extracting(org.hibernate.mapping.Column::getName)
                    .as("the application's metamodel, in mapping order").containsExactly("vet_id", "specialties_id");

            Schema captured = EntityModelSource.lazy(() -> Clinic.ENTITIES, () -> settings, () -> application).schema();

            assertThat(captured).isEqualTo(built);
            assertThat(captured.table("vets_specialties").orElseThrow().primaryKey().columns())
                    .containsExactly("specialties_id", "vet_id");
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /**
     * Hibernate asks for {@code <package>.package-info} four times per entity (package-level {@code @SoftDelete},
     * {@code @Temporal}, {@code @Audited}, {@code @Changelog}), and each miss searches every jar of the class path
     * through each class loader it knows: most of a warm build at 200 entities. Once per build is enough; a package
     * that has one still gives its annotations.
     */
    @Test
    void aMissingPackageInfoIsLookedForOncePerBuildAndAPresentOneStillApplies() throws Exception {
        Path sources = tmp.resolve("src");
        Files.createDirectories(sources.resolve("plain"));
        Files.createDirectories(sources.resolve("soft"));
        for (String name : List.of("Ticket", "Queue", "Agent")) {
            Files.writeString(sources.resolve("plain/" + name + ".java"), """
                    package plain;
                    @jakarta.persistence.Entity
                    public class %s {
                        @jakarta.persistence.Id
                        private Integer id;
                        private String subject;
                    }
                    """.formatted(name));
        }
        Files.writeString(sources.resolve("soft/package-info.java"), """
                @org.hibernate.annotations.SoftDelete
                package soft;
                """);
        Files.writeString(sources.resolve("soft/Note.java"), """
                package soft;
                @jakarta.persistence.Entity
                public class Note {
                    @jakarta.persistence.Id
                    private Integer id;
                }
                """);
        Path classes = compile(sources);

        Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
        try (URLClassLoader loader = countingLoader(classes, lookups)) {
            List<Class<?>> entities = List.of(loader.loadClass("plain.Ticket"), loader.loadClass("plain.Queue"),
                    loader.loadClass("plain.Agent"), loader.loadClass("soft.Note"));
            lookups.clear();
            Schema schema = EntityModelSource.of(entities, EntityModelSettings.forDatabase("sqlite")).schema();

            assertThat(schema.table("ticket").orElseThrow().column("subject")).isPresent();
            assertThat(lookups.get("plain.package-info")).hasValue(1);
            assertThat(schema.table("note").orElseThrow().column("deleted")).isPresent();
        }
    }

    /**
     * Hibernate loads every entity again by name (its class details), through each class loader it knows, the
     * entities' first, where a name is looked up in every jar of the parent's class path before the entities' own
     * directory. The classes handed in are the ones to map: they are answered as they are, with no search.
     */
    @Test
    void theEntityClassesHandedInAreNotLookedUpByNameAgain() throws Exception {
        Path sources = tmp.resolve("src");
        Files.createDirectories(sources.resolve("shop"));
        Files.writeString(sources.resolve("shop/Customer.java"), """
                package shop;
                @jakarta.persistence.Entity
                public class Customer {
                    @jakarta.persistence.Id
                    private Integer id;
                    private String name;
                }
                """);
        Files.writeString(sources.resolve("shop/Purchase.java"), """
                package shop;
                @jakarta.persistence.Entity
                public class Purchase {
                    @jakarta.persistence.Id
                    private Integer id;
                    @jakarta.persistence.ManyToOne
                    private Customer customer;
                }
                """);
        Path classes = compile(sources);

        Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
        try (URLClassLoader loader = countingLoader(classes, lookups)) {
            List<Class<?>> entities = List.of(loader.loadClass("shop.Customer"), loader.loadClass("shop.Purchase"));
            // the JVM resolves a field's type through the declaring class's loader once: that is not Hibernate's search
            entities.forEach(entity -> List.of(entity.getDeclaredFields(), entity.getDeclaredMethods()));
            lookups.clear();
            Schema schema = EntityModelSource.of(entities, EntityModelSettings.forDatabase("sqlite")).schema();

            assertThat(schema.table("purchase").orElseThrow().foreignKeys()).hasSize(1);
            assertThat(lookups.keySet()).filteredOn(name -> name.startsWith("shop.")).containsOnly("shop.package-info");
        }
    }

    /** The classes of the Java sources under {@code sources}, compiled against this test's class path. */
    private Path compile(Path sources) throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        List<String> arguments = new java.util.ArrayList<>(List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), "-proc:none"));
        try (var files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new))).isZero();
        return classes;
    }

    /** A loader of {@code classes} that counts every name asked of it. */
    private URLClassLoader countingLoader(Path classes, Map<String, AtomicInteger> lookups) throws Exception {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                lookups.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
                return super.loadClass(name, resolve);
            }
        };
    }
}
