package dev.migrate.hibernate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.hibernate.enums.Feeling;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.Schema;
import dev.migrate.testsupport.PostgresTest;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM)}: Hibernate 7 maps the field to a named
 * PostgreSQL enum type (the Java enum's simple name, folded to lower case) that it would create itself; the model
 * declares it, so that autogenerate creates it before the table and Hibernate validates the schema.
 */
@PostgresTest
class EntityEnumTypesTest {

    @TempDir
    Path tmp;

    @Test
    void aNamedEnumFieldIsAColumnOfAnEnumTypeTheScriptCreates() throws Exception {
        TestDatabase database = Kind.POSTGRESQL.create(tmp, "app");
        List<Class<?>> entities = List.of(Feeling.class);
        EntityModelSource models = EntityModelSource.of(entities, database.settings());
        Schema schema = models.schema();
        // the labels in the order Hibernate's own schema export creates them: sorted
        assertThat(schema.enumTypes()).containsExactly(new Schema.EnumType("mood", List.of("HAPPY", "OK", "SAD")));
        assertThat(schema.table("feelings").orElseThrow().column("mood").orElseThrow().type())
                .isEqualTo(ColumnType.other("mood"));

        Migrate engine = EntityModelJourneyTest.engine(database, tmp.resolve("migrations"), models);
        AutogenerateResult first = engine.migrate(RevisionRequest.withMessage("feelings"), RenameDecider.NEVER);
        String script = Files.readString(first.script().path());
        assertThat(script).contains("CREATE TYPE mood AS ENUM ('HAPPY', 'OK', 'SAD');");
        assertThat(script.indexOf("CREATE TYPE mood")).isLessThan(script.indexOf("CREATE TABLE feelings"));
        engine.upgrade("head");
        assertThat(engine.check().lines()).containsExactly("No new upgrade operations detected.");
        try (SessionFactory hibernate = HibernateApp.start(database, entities, "validate")) {
            hibernate.inTransaction(session -> session.persist(new Feeling(1L, Feeling.Mood.HAPPY)));
        }
        engine.downgrade("base");
        assertThat(database.reflect().enumTypes()).isEmpty();
    }
}
