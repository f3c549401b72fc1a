package dev.migrate.hibernate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.hibernate.validated.Member;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.Table;
import dev.migrate.testsupport.PostgresTest;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bean Validation's constraints in the DDL: Hibernate adds them ({@code @NotNull} as not null, {@code @Size(max)} as
 * the length, {@code @Min}/{@code @Max} as a check) when its {@code SessionFactory} starts, not in the boot metamodel
 * alone; a metamodel built for a check gets them too, so that it maps what the application and {@code ddl-auto=create}
 * do, and a validation mode without {@code ddl} leaves them out in both.
 */
@PostgresTest
class EntityBeanValidationTest {

    private static final List<Class<?>> ENTITIES = List.of(Member.class);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void beanValidationConstraintsAreMappedAsHibernatesOwnCreateMapsThem(Kind kind) throws Exception {
        TestDatabase database = kind.create(tmp, "app");
        EntityModelSource models = EntityModelSource.of(ENTITIES, database.settings());
        Table members = models.schema().table("members").orElseThrow();
        assertThat(members.column("name").orElseThrow().nullable()).isFalse();
        assertThat(members.column("code").orElseThrow().type()).isEqualTo(ColumnType.varchar(20));

        Migrate engine = EntityModelJourneyTest.engine(database, tmp.resolve("migrations"), models);
        engine.migrate(RevisionRequest.withMessage("members"), RenameDecider.NEVER);
        engine.upgrade("head");
        assertThat(engine.check().lines()).containsExactly("No new upgrade operations detected.");

        TestDatabase byHibernate = kind.create(tmp, "hibernate");
        HibernateApp.start(byHibernate, ENTITIES, "create").close();
        assertThat(comparable(kind, database.canonicalTables())).isEqualTo(comparable(kind, byHibernate.canonicalTables()));
        try (SessionFactory hibernate = HibernateApp.start(database, ENTITIES, "validate")) {
            hibernate.inTransaction(session -> session.persist(new Member(1L, "Ada", "A1", 5)));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void withoutTheDdlValidationModeTheyAreLeftOutAsHibernateLeavesThemOut(Kind kind) throws Exception {
        TestDatabase database = kind.create(tmp, "app");
        Map<String, Object> callbacksOnly = Map.of("jakarta.persistence.validation.mode", "callback");
        Table members = EntityModelSource.of(ENTITIES, database.settings()
                .withSetting("jakarta.persistence.validation.mode", "callback")).schema().table("members").orElseThrow();
        assertThat(members.column("name").orElseThrow().nullable()).isTrue();
        assertThat(members.column("code").orElseThrow().type()).isEqualTo(ColumnType.varchar(255));
        assertThat(members.checks()).isEmpty();

        TestDatabase byHibernate = kind.create(tmp, "hibernate");
        HibernateApp.start(byHibernate, ENTITIES, "create", callbacksOnly).close();
        Column name = byHibernate.reflect().table("members").orElseThrow().column("name").orElseThrow();
        assertThat(name.nullable()).isTrue();
    }

    /** SQLite keeps each type as written (Hibernate {@code integer}, our script {@code INTEGER}): compare meanings. */
    private static List<Table> comparable(Kind kind, List<Table> tables) {
        return kind == Kind.POSTGRESQL ? tables : tables.stream().map(EntityModelJourneyTest::withoutSqliteExportGaps)
                .toList();
    }
}
