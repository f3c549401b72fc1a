package dev.migrate.autoconfigure.entities;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateJpaAutoConfiguration;
import dev.migrate.autoconfigure.converted.ConvertedApplication;
import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import dev.migrate.command.RevisionRequest;
import dev.migrate.hibernate.EntityModelSource;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.testsupport.PostgresServer;
import dev.migrate.testsupport.PostgresTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.hibernate.jpa.boot.spi.TypeContributorList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.migrate.shell.DbCommandExecutor;
import dev.migrate.shell.DbCommandExit;
import dev.migrate.shell.MigrateCommandLineAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Flask-Migrate loop on a Spring application's JPA entities: with migrate-hibernate on the class path the
 * entities of the application's package are models, mapped with its {@code spring.jpa.*} settings for the database
 * being migrated; {@code migrate} writes their tables, {@code upgrade} creates them, and Hibernate then starts with
 * {@code ddl-auto=validate} and reads and writes them.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class MigrateJpaEntitiesTest {

    @TempDir
    Path tmp;

    private ApplicationContextRunner runner(String url, String... properties) throws Exception {
        Path scripts = Files.createDirectories(tmp.resolve("migrations"));
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        HibernateJpaAutoConfiguration.class, MigrateAutoConfiguration.class,
                        MigrateJpaAutoConfiguration.class))
                .withUserConfiguration(LibraryApplication.class)
                .withPropertyValues("spring.datasource.url=" + url, "migrate.script-directory=" + scripts,
                        "migrate.locations=classpath:db/no-such-location", "spring.jpa.hibernate.ddl-auto=none")
                .withPropertyValues(properties);
    }

    /** The library without JPA configured at all: the entities can only be mapped by a metamodel built for them. */
    private ApplicationContextRunner withoutJpa(String... properties) throws Exception {
        Path scripts = Files.createDirectories(tmp.resolve("migrations"));
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        MigrateAutoConfiguration.class, MigrateJpaAutoConfiguration.class))
                .withUserConfiguration(LibraryApplication.class)
                .withPropertyValues("spring.datasource.url=" + sqlite(tmp), "migrate.script-directory=" + scripts)
                .withPropertyValues(properties);
    }

    private static String sqlite(Path tmp) {
        return "jdbc:sqlite:" + tmp.resolve("library.db");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "h2", "h2-in-memory"})
    void migrateWritesTheEntitiesTablesAndHibernateThenValidatesAndUsesThem(String database) throws Exception {
        String url;
        String user = "";
        if (database.equals("sqlite")) {
            url = sqlite(tmp);
        } else if (database.equals("h2")) {
            url = "jdbc:h2:file:" + tmp.resolve("library").toAbsolutePath();
        } else if (database.equals("h2-in-memory")) {
            // kept open between the two contexts below
            url = "jdbc:h2:mem:library_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        } else {
            PostgresServer postgres = PostgresServer.shared();
            url = postgres.jdbcUrl(postgres.createDatabase());
            user = postgres.user();
        }
        runner(url, "spring.datasource.username=" + user).run(MigrateJpaEntitiesTest::migrateAndUpgradeTheLibrary);
        runner(url, "spring.datasource.username=" + user, "spring.jpa.hibernate.ddl-auto=validate").run(context -> {
            assertThat(context).hasNotFailed();
            EntityManagerFactory factory = context.getBean(EntityManagerFactory.class);
            try (EntityManager entityManager = factory.createEntityManager()) {
                entityManager.getTransaction().begin();
                Author author = new Author("Ursula K. Le Guin");
                entityManager.persist(author);
                entityManager.persist(new Book("The Dispossessed", Book.Format.PAPERBACK, LocalDate.of(1974, 5, 1),
                        author));
                entityManager.getTransaction().commit();
                entityManager.clear();
                List<Book> books = entityManager.createQuery("SELECT b FROM Book b", Book.class).getResultList();
                assertThat(books).extracting(book -> book.getAuthor().getFullName()).containsExactly("Ursula K. Le Guin");
            }
            assertThat(context.getBean(Migrate.class).check().upToDate()).isTrue();
        });
    }

    /**
     * {@code spring.jpa.properties.hibernate.default_schema}: with the migrations connected to that schema
     * ({@code currentSchema} in the URL), the entity tables are created there and Hibernate validates and uses them;
     * connected to another schema, {@code db check} and {@code db migrate} stop with one line saying so, instead of
     * writing tables where Hibernate does not look.
     */
    @Test
    void hibernatesDefaultSchemaIsWhereTheEntityTablesGo() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase();
        try (var connection = postgres.connect(database); var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA library");
        }
        String inLibrary = postgres.jdbcUrl(database) + "?currentSchema=library";
        String user = "spring.datasource.username=" + postgres.user();
        String schema = "spring.jpa.properties.hibernate.default_schema=library";
        runner(inLibrary, user, schema).run(MigrateJpaEntitiesTest::migrateAndUpgradeTheLibrary);
        try (var connection = postgres.connect(database); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                     + "WHERE table_name IN ('authors', 'books') ORDER BY 1")) {
            List<String> tables = new ArrayList<>();
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
            assertThat(tables).containsExactly("library.authors", "library.books");
        }
        runner(inLibrary, user, schema, "spring.jpa.hibernate.ddl-auto=validate").run(context -> {
            assertThat(context).hasNotFailed();
            try (EntityManager entityManager = context.getBean(EntityManagerFactory.class).createEntityManager()) {
                entityManager.getTransaction().begin();
                entityManager.persist(new Author("Octavia E. Butler"));
                entityManager.getTransaction().commit();
            }
            assertThat(context.getBean(Migrate.class).check().upToDate()).isTrue();
        });

        String elsewhere = postgres.createDatabase();
        try (var connection = postgres.connect(elsewhere); var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA library");
        }
        Path noScripts = Files.createDirectories(tmp.resolve("elsewhere"));
        runner(postgres.jdbcUrl(elsewhere), user, schema, "migrate.script-directory=" + noScripts).run(context -> assertThatThrownBy(
                () -> context.getBean(Migrate.class).migrate(RevisionRequest.withMessage("x"), RenameDecider.NEVER))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("hibernate.default_schema is 'library'")
                .hasMessageContaining("'public'")
                .hasMessageContaining("currentSchema=library"));
    }

    /** {@code db migrate} writes the library's two tables, {@code db upgrade} creates them, and they match. */
    private static void migrateAndUpgradeTheLibrary(
            org.springframework.boot.test.context.assertj.AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        Migrate migrate = context.getBean(Migrate.class);
        AutogenerateResult first = migrate.migrate(RevisionRequest.withMessage("library"), RenameDecider.NEVER);
        assertThat(first.detected()).containsExactly("Detected added table 'authors'", "Detected added table 'books'");
        migrate.upgrade("head");
        assertThat(migrate.check().lines()).containsExactly("No new upgrade operations detected.");
    }

    /** The library application run as {@code java -jar app.jar db ...}, without Spring Shell. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
            MigrateAutoConfiguration.class, MigrateJpaAutoConfiguration.class, MigrateCommandLineAutoConfiguration.class})
    @Import(LibraryApplication.class)
    static class LibraryCommandLine {
    }

    /** {@code source} run as {@code java -jar app.jar db ...} on SQLite, its exit statuses added to {@code exits}. */
    private SpringApplication commandLine(Class<?> source, Path scripts, List<Integer> exits, String... properties) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("spring.datasource.url", sqlite(tmp),
                "migrate.script-directory", scripts.toString()));
        for (int i = 0; i < properties.length; i += 2) {
            settings.put(properties[i], properties[i + 1]);
        }
        SpringApplication application = new SpringApplication(source);
        application.setDefaultProperties(settings);
        application.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("dbCommandExit", (DbCommandExit) exits::add));
        return application;
    }

    /**
     * {@code db migrate} is run because the database is behind the entities: Hibernate, which starts with the context,
     * must not validate it then ({@code ddl-auto=validate} would fail the command before it runs) nor change it.
     */
    @Test
    void aOneShotDbMigrateRunsWhereHibernateValidationWouldFail() throws Exception {
        Path scripts = Files.createDirectories(tmp.resolve("migrations"));
        List<Integer> exits = new ArrayList<>();
        SpringApplication application = commandLine(LibraryCommandLine.class, scripts, exits, "spring.jpa.hibernate.ddl-auto", "validate");

        application.run("db", "migrate", "-m", "library").close();

        assertThat(exits).containsExactly(DbCommandExecutor.OK);
        try (var files = Files.list(scripts)) {
            assertThat(files.map(file -> file.getFileName().toString())).singleElement().asString().endsWith("_library.sql");
        }
    }

    /**
     * A one-shot command leaves JPA lazy: neither {@code db current} nor the commands that compare models start
     * Hibernate's {@code SessionFactory} (an observer that Boot's Hibernate would be given sees none built); the check
     * builds only Hibernate's boot metamodel, with the settings the application's JPA would have had (a
     * {@code HibernatePropertiesCustomizer} that only Boot's Hibernate set-up sees shapes the script).
     */
    @Test
    void aOneShotCommandComparesTheEntitiesWithoutStartingJpa() throws Exception {
        Path scripts = Files.createDirectories(tmp.resolve("migrations"));
        List<Integer> exits = new ArrayList<>();
        List<String> sessionFactories = new ArrayList<>();
        SessionFactoryObserver observer = new SessionFactoryObserver() {
            @Override
            public void sessionFactoryCreated(org.hibernate.SessionFactory factory) {
                sessionFactories.add(factory.toString());
            }
        };
        SpringApplication application = new SpringApplication(LibraryCommandLine.class);
        application.setDefaultProperties(Map.of("spring.datasource.url", sqlite(tmp),
                "migrate.script-directory", scripts.toString()));
        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("dbCommandExit", (DbCommandExit) exits::add);
            context.getBeanFactory().registerSingleton("standardNames", (HibernatePropertiesCustomizer) properties -> {
                properties.put("hibernate.physical_naming_strategy",
                        "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl");
                properties.put(AvailableSettings.SESSION_FACTORY_OBSERVER, observer);
            });
        });

        for (String[] command : List.of(new String[] {"db", "current"}, new String[] {"db", "migrate", "-m", "library"},
                new String[] {"db", "upgrade"}, new String[] {"db", "check"})) {
            try (var context = application.run(command)) {
                assertThat(context.getBeanFactory().containsSingleton("entityManagerFactory"))
                        .as("JPA not started by %s", String.join(" ", command)).isFalse();
            }
        }

        assertThat(exits).containsExactly(DbCommandExecutor.OK, DbCommandExecutor.OK, DbCommandExecutor.OK,
                DbCommandExecutor.OK);
        assertThat(sessionFactories).as("SessionFactory built").isEmpty();
        try (var files = Files.list(scripts)) {
            assertThat(Files.readString(files.findFirst().orElseThrow())).contains("publishedOn")
                    .doesNotContain("published_on");
        }
        // the same observer does see Boot's Hibernate start when the application runs without a command
        application.setDefaultProperties(Map.of("spring.datasource.url", sqlite(tmp), "migrate.on-startup", "none",
                "migrate.script-directory", scripts.toString(), "spring.jpa.hibernate.ddl-auto", "validate"));
        application.run().close();
        assertThat(sessionFactories).hasSize(1);
    }

    /** An application whose entity's converter Spring creates, run as {@code java -jar app.jar db ...}. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
            MigrateAutoConfiguration.class, MigrateJpaAutoConfiguration.class, MigrateCommandLineAutoConfiguration.class})
    @Import(ConvertedApplication.class)
    static class ConvertedCommandLine {
    }

    /**
     * Boot's Hibernate creates converters through Spring ({@code SpringBeanContainer}), so that they may depend on the
     * application's beans; a metamodel built for a one-shot check does the same.
     */
    @Test
    void aOneShotCheckCreatesTheEntitiesConvertersAsBootsHibernateDoes() throws Exception {
        Path scripts = Files.createDirectories(tmp.resolve("migrations"));
        List<Integer> exits = new ArrayList<>();
        SpringApplication application = commandLine(ConvertedCommandLine.class, scripts, exits);

        try (var context = application.run("db", "migrate", "-m", "loans")) {
            assertThat(context.getBeanFactory().containsSingleton("entityManagerFactory")).isFalse();
        }

        assertThat(exits).containsExactly(DbCommandExecutor.OK);
        try (var files = Files.list(scripts)) {
            assertThat(Files.readString(files.findFirst().orElseThrow())).contains("CREATE TABLE loans");
        }
    }

    /**
     * A mapping file is read by JPA's persistence unit, not by a metamodel built from the scanned classes: there a
     * one-shot {@code db migrate} starts JPA and compares its metamodel, so that the file's column name is the one
     * written.
     */
    @Test
    void aOneShotCommandStartsJpaWhereAMappingFileMapsTheEntities() throws Exception {
        Path scripts = Files.createDirectories(tmp.resolve("migrations"));
        List<Integer> exits = new ArrayList<>();
        SpringApplication application = commandLine(LibraryCommandLine.class, scripts, exits,
                "spring.jpa.mapping-resources", "dev/migrate/autoconfigure/entities/library-orm.xml");

        try (var context = application.run("db", "migrate", "-m", "library")) {
            assertThat(context.getBeanFactory().containsSingleton("entityManagerFactory")).isTrue();
        }

        assertThat(exits).containsExactly(DbCommandExecutor.OK);
        try (var files = Files.list(scripts)) {
            assertThat(Files.readString(files.findFirst().orElseThrow())).contains("book_title");
        }

        // the same for the contributors that only JPA's bootstrap applies (here: type contributors)
        application.setDefaultProperties(Map.of("spring.datasource.url", sqlite(tmp),
                "migrate.script-directory", scripts.toString()));
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("types",
                (HibernatePropertiesCustomizer) properties -> properties.put(JpaSettings.TYPE_CONTRIBUTORS,
                        (TypeContributorList) List::of)));
        try (var context = application.run("db", "check")) {
            assertThat(context.getBeanFactory().containsSingleton("entityManagerFactory")).isTrue();
        }
    }

    /**
     * Without JPA starting, the entities are still mapped with what Boot's Hibernate set-up would give Hibernate: the
     * application's {@code HibernatePropertiesCustomizer} beans, in their order, after {@code spring.jpa.*}.
     */
    @Test
    void aBuiltMetamodelAppliesTheApplicationsHibernatePropertiesCustomizers() throws Exception {
        withoutJpa("spring.jpa.properties.hibernate.physical_naming_strategy=no.such.Strategy")
                .withBean("standardNames", HibernatePropertiesCustomizer.class, () -> properties -> properties.put(
                        "hibernate.physical_naming_strategy",
                        "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl"))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(EntityManagerFactory.class);
                    EntityModelSource models = context.getBean(EntityModelSource.class);
                    Schema mapped = models.schema();
                    Table books = mapped.table("books").orElseThrow();
                    assertThat(books.column("publishedOn")).isPresent();
                    assertThat(books.column("published_on")).isEmpty();
                    // the customizer gives the same settings again: nothing is mapped a second time
                    assertThat(models.schema()).isSameAs(mapped);
                });
    }

    /** Without JPA starting (here: not configured at all), the entities are mapped from the spring.jpa.* settings. */
    @Test
    void theApplicationsNamingStrategyAndTheMigratedDatabaseShapeTheTables() throws Exception {
        withoutJpa("spring.jpa.hibernate.naming.physical-strategy="
                + "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl").run(context -> {
            assertThat(context).doesNotHaveBean(EntityManagerFactory.class);
            EntityModelSource models = context.getBean(EntityModelSource.class);
            Schema mapped = models.schema();
            Table books = mapped.table("books").orElseThrow();
            // Java names as written, and the SQLite dialect's types
            assertThat(books.column("publishedOn")).map(Column::type).contains(ColumnType.of(GenericType.DATE));
            assertThat(books.column("author_id")).isPresent();
            // the next command of the process works the settings out again, finds them the same and maps nothing again
            assertThat(models.schema()).isSameAs(mapped);
        });
    }

    /**
     * Where JPA starts, the entity models are its persistence unit's own metamodel, captured as Hibernate builds it:
     * settings only Boot's Hibernate sees (a {@code HibernatePropertiesCustomizer} here) shape the tables too, and the
     * metamodel is not built a second time.
     */
    @Test
    void whereJpaStartsTheModelsAreItsOwnMetamodel() throws Exception {
        runner(sqlite(tmp)).withBean("standardNames", HibernatePropertiesCustomizer.class,
                () -> properties -> properties.put("hibernate.physical_naming_strategy",
                        "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl")).run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(EntityManagerFactory.class);
            Table books = context.getBean(EntityModelSource.class).schema().table("books").orElseThrow();
            assertThat(books.column("publishedOn")).isPresent();
            assertThat(books.column("published_on")).isEmpty();
        });
    }

    @Test
    void aTableDescribedBothByAnEntityAndByAnotherModelSourceIsOneError() throws Exception {
        runner(sqlite(tmp)).withBean("otherAuthors", ModelSource.class, () -> ModelSource.builders(
                Table.builder("authors").column(Column.of("id", ColumnType.of(GenericType.INTEGER)))))
                .run(context -> assertThatThrownBy(() -> context.getBean(Migrate.class).check())
                        .isInstanceOf(MigrateException.class)
                        .hasMessageContaining("table 'authors' is declared twice")
                        .hasMessageContaining("entity " + Author.class.getName()));
    }

    @Test
    void noEntityModelsWithoutMigrateHibernateOrWhenTurnedOff() throws Exception {
        runner(sqlite(tmp)).withClassLoader(new FilteredClassLoader(EntityModelSource.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EntityModelSource.class));
        runner(sqlite(tmp), "migrate.jpa-entities=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EntityModelSource.class));
    }

    @Test
    void hibernateToldToChangeTheSchemaIsAStartupWarning(CapturedOutput output) throws Exception {
        runner(sqlite(tmp), "spring.jpa.hibernate.ddl-auto=none").run(context -> assertThat(context).hasNotFailed());
        assertThat(output).doesNotContain("two tools now manage");
        runner(sqlite(tmp), "spring.jpa.hibernate.ddl-auto=update").run(context -> assertThat(context).hasNotFailed());
        assertThat(output).contains("spring.jpa.hibernate.ddl-auto=update lets Hibernate change the schema that the "
                + "migrations manage: two tools now manage one schema");
    }
}
