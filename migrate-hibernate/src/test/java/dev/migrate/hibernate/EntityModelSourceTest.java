package dev.migrate.hibernate;

import dev.migrate.hibernate.clinic.Clinic;
import dev.migrate.hibernate.clinic.Pet;
import dev.migrate.schema.ModelException;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.ModelSources;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.schema.annotation.Id;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import javax.tools.ToolProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mapping settings and the failures, without a database: each case is one Hibernate metamodel build. */
class EntityModelSourceTest {

    /** An annotated record of this project's own kind that claims the entities' table. */
    @dev.migrate.schema.annotation.Table(name = "owners")
    record OwnerRow(@Id Integer id, String name) {
    }

    /** An id from a sequence, Hibernate's default generation on PostgreSQL. */
    @jakarta.persistence.Entity(name = "Invoice")
    @jakarta.persistence.Table(name = "invoices")
    static class Invoice {
        @jakarta.persistence.Id
        @jakarta.persistence.GeneratedValue
        Long id;
    }

    /** A table of another schema than the one migrated. */
    @jakarta.persistence.Entity(name = "AuditEntry")
    @jakarta.persistence.Table(name = "entries", schema = "audit")
    static class AuditEntry {
        @jakarta.persistence.Id
        Integer id;
    }

    @Test
    void aTableInAnotherSchemaIsLeftOutWithAWarning() {
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        Logger logger = (Logger) LoggerFactory.getLogger(MetamodelTables.class);
        logger.addAppender(warnings);
        Schema schema;
        try {
            schema = EntityModelSource.of(List.of(AuditEntry.class, Invoice.class),
                    EntityModelSettings.forDatabase("postgresql")).schema();
        } finally {
            logger.detachAppender(warnings);
        }
        assertThat(schema.tables().stream().filter(Table::managed)).extracting(Table::name).containsExactly("invoices");
        assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(message -> message.contains("'audit.entries' is outside the schema migrated"));

        // migrations that run in schema audit (their connection's current schema) compare it
        Schema inAudit = EntityModelSource.of(List.of(AuditEntry.class, Invoice.class),
                EntityModelSettings.forDatabase("postgresql").withMigratedSchema("audit")).schema();
        assertThat(inAudit.tables().stream().filter(Table::managed)).extracting(Table::name)
                .containsExactly("entries", "invoices");
    }

    /** A sequence Hibernate expects is in the model with its allocation size, where the dialect has sequences. */
    @Test
    void theSequenceHibernateExpectsIsInTheModelWithItsAllocationSize() {
        Schema postgres = EntityModelSource.of(List.of(Invoice.class), EntityModelSettings.forDatabase("postgresql"))
                .schema();
        assertThat(postgres.sequences()).containsExactly(Schema.Sequence.standalone("invoices_seq", 1, 50));

        // SQLite has no sequences: Hibernate emulates one with a table, with its first row (Hibernate's own statement),
        // and makes a persistent HTE_ table for inserts into the entity (declared unmanaged)
        Schema sqlite = EntityModelSource.of(List.of(Invoice.class), EntityModelSettings.forDatabase("sqlite")).schema();
        assertThat(sqlite.sequences()).isEmpty();
        assertThat(sqlite.tables().stream().filter(Table::managed)).extracting(Table::name)
                .containsExactly("invoices", "invoices_seq");
        assertThat(sqlite.table("HTE_invoices")).hasValueSatisfying(table -> assertThat(table.managed()).isFalse());
        assertThat(sqlite.table("invoices_seq").orElseThrow().firstRows())
                .containsExactly("insert into invoices_seq ( next_val ) values ( 1 )");
    }

    /**
     * Hibernate loads the entities again by name: those of a class loader it does not know (Boot's jar launcher,
     * devtools' restart loader, generated classes) must still be found.
     */
    @Test
    void entitiesOfAnotherClassLoaderAreMapped(@TempDir Path tmp) throws Exception {
        Path source = Files.writeString(Files.createDirectories(tmp.resolve("src/other")).resolve("Ticket.java"), """
                package other;
                @jakarta.persistence.Entity
                @jakarta.persistence.Table(name = "tickets")
                public class Ticket {
                    @jakarta.persistence.Id
                    private Integer id;
                    private String subject;
                }
                """);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), "-proc:none", source.toString())).isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> ticket = loader.loadClass("other.Ticket");
            Schema schema = EntityModelSource.of(List.of(ticket), EntityModelSettings.forDatabase("sqlite")).schema();
            assertThat(schema.table("tickets").orElseThrow().column("subject")).isPresent();
        }
    }

    @Test
    void theMetamodelIsBuiltWithoutConnectingEvenWhenTheSettingsNameADatabase() {
        // port 1 refuses connections: any JDBC access would fail the build
        EntityModelSettings settings = EntityModelSettings.forDatabase("postgresql")
                .withSetting("jakarta.persistence.jdbc.url", "jdbc:postgresql://127.0.0.1:1/nowhere")
                .withSetting("hibernate.hbm2ddl.auto", "create-drop");
        Schema schema = EntityModelSource.of(Clinic.ENTITIES, settings).schema();
        assertThat(schema.tables()).extracting(Table::name)
                .containsExactly("owners", "pets", "specialties", "vets", "vets_specialties", "visits");
    }

    @Test
    void namingStrategiesAreTheSettingsOnes() {
        EntityModelSettings settings = EntityModelSettings.forDatabase("postgresql").withNamingStrategies(
                PhysicalNamingStrategyStandardImpl.class.getName(), ImplicitNamingStrategyJpaCompliantImpl.class.getName());
        Schema schema = EntityModelSource.of(Clinic.ENTITIES, settings).schema();
        // Java names as written (firstName), which PostgreSQL folds as Hibernate writes them unquoted
        Table owners = schema.table("owners").orElseThrow();
        assertThat(owners.column("firstname")).isPresent();
        assertThat(owners.column("first_name")).isEmpty();
    }

    @Test
    void aTableDeclaredByAnEntityAndByAnAnnotatedRecordIsOneError() {
        ModelSource entities = EntityModelSource.of(Clinic.ENTITIES, EntityModelSettings.forDatabase("sqlite"));
        assertThatThrownBy(() -> ModelSources.merge(entities, ModelSource.annotated(OwnerRow.class)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("table 'owners' is declared twice")
                .hasMessageContaining("entity dev.migrate.hibernate.clinic.Owner")
                .hasMessageContaining(OwnerRow.class.getName())
                .hasMessageNotContaining("\n");
    }

    @Test
    void anEntityHibernateCannotMapIsOneLineNamingTheProblem() {
        // Pet refers to Owner, which is not among the entities given
        ModelSource entities = EntityModelSource.of(List.of(Pet.class), EntityModelSettings.forDatabase("sqlite"));
        assertThatThrownBy(entities::schema)
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("Hibernate could not map the JPA entities: ")
                .hasMessageContaining("Owner")
                .hasMessageNotContaining("\n");
    }
}
