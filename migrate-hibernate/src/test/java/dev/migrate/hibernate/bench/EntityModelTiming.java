package dev.migrate.hibernate.bench;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.RevisionRequest;
import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.hibernate.EntityModelSettings;
import dev.migrate.hibernate.EntityModelSource;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.Schema;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.sqlite.SQLiteDataSource;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Not a test: the numbers of docs/benchmarks.md's "JPA entities" section. Generates {@code n} entities (five columns,
 * an index, a many-to-one to the previous one), creates their tables in a SQLite file with a generated script, then
 * times {@code db check} with the entities as models (Hibernate's metamodel built each time) against the same check
 * with the same tables given ready-made (what annotated records cost: reading 200 records is a few milliseconds).
 * Run: {@code java -cp <test class path> dev.migrate.hibernate.bench.EntityModelTiming 200}.
 */
public final class EntityModelTiming {

    private EntityModelTiming() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path work = Files.createTempDirectory("entity-timing");
        List<Class<?>> entities = generate(work, count);
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + work.resolve("bench.db"));
        Files.createDirectories(work.resolve("migrations"));
        String version;
        try (var connection = dataSource.getConnection()) {
            version = connection.getMetaData().getDatabaseProductVersion();
        }
        EntityModelSettings settings = EntityModelSettings.forDatabase("sqlite").withDatabaseVersion(version);
        Migrate first = engine(dataSource, work, EntityModelSource.of(entities, settings));
        first.migrate(RevisionRequest.withMessage("entities"), RenameDecider.NEVER);
        first.upgrade("head");
        Schema ready = EntityModelSource.of(entities, settings).schema();

        Metadata prebuilt = metadata(entities, version);
        long[] translationOnly = new long[runs];
        long[] withEntities = new long[runs];
        long[] withReadyTables = new long[runs];
        long[] metamodelOnly = new long[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            EntityModelSource.lazy(() -> entities, () -> settings, () -> prebuilt).schema();
            translationOnly[run] = System.nanoTime() - start;
            start = System.nanoTime();
            EntityModelSource.of(entities, settings).schema();
            metamodelOnly[run] = System.nanoTime() - start;
            start = System.nanoTime();
            check(engine(dataSource, work, EntityModelSource.of(entities, settings)));
            withEntities[run] = System.nanoTime() - start;
            start = System.nanoTime();
            check(engine(dataSource, work, ModelSource.of(ready)));
            withReadyTables[run] = System.nanoTime() - start;
        }
        System.out.printf("%d entities, %d runs, median ms (first run in brackets)%n", count, runs);
        System.out.printf("Hibernate metamodel alone:           %6.0f (%.0f)%n", median(metamodelOnly), ms(metamodelOnly[0]));
        System.out.printf("translation of a built metamodel:    %6.0f (%.0f)%n", median(translationOnly),
                ms(translationOnly[0]));
        System.out.printf("db check, entities as models:        %6.0f (%.0f)%n", median(withEntities), ms(withEntities[0]));
        System.out.printf("db check, the same tables ready-made: %6.0f (%.0f)%n", median(withReadyTables),
                ms(withReadyTables[0]));
    }

    /** The metamodel as the application's own Hibernate would have built it (what MetadataCapture hands over). */
    private static Metadata metadata(List<Class<?>> entities, String version) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                .applyClassLoader(entities.get(0).getClassLoader()).build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(Map.of(
                "jakarta.persistence.database-product-name", "SQLite",
                "jakarta.persistence.database-product-version", version,
                "hibernate.boot.allow_jdbc_metadata_access", false,
                "hibernate.physical_naming_strategy", EntityModelSettings.SNAKE_CASE_PHYSICAL_NAMING)).build();
        MetadataSources sources = new MetadataSources(registry);
        entities.forEach(sources::addAnnotatedClass);
        return sources.buildMetadata();
    }

    private static void check(Migrate engine) {
        if (!engine.check().upToDate()) {
            throw new IllegalStateException("the generated schema should be up to date");
        }
    }

    private static Migrate engine(SQLiteDataSource dataSource, Path work, ModelSource models) {
        return new Migrate(MigrateConfig.builder().dataSource(dataSource).dialect("sqlite")
                .scriptDirectory(work.resolve("migrations")).model(models).build());
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return ms(sorted[sorted.length / 2]);
    }

    private static List<Class<?>> generate(Path work, int count) throws Exception {
        Path sources = Files.createDirectories(work.resolve("src/gen"));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String previous = i == 0 ? "" : """
                        @jakarta.persistence.ManyToOne
                        private Entity%03d previous;
                    """.formatted(i - 1);
            String source = """
                    package gen;

                    @jakarta.persistence.Entity
                    @jakarta.persistence.Table(name = "entity_%03d", indexes = @jakarta.persistence.Index(name = "entity_%03d_name_idx", columnList = "name"))
                    public class Entity%03d {
                        @jakarta.persistence.Id
                        @jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.IDENTITY)
                        private Integer id;
                        @jakarta.persistence.Column(nullable = false, length = 80)
                        private String name;
                        private Integer quantity;
                        private java.time.LocalDateTime createdAt;
                        @jakarta.persistence.Column(precision = 10, scale = 2)
                        private java.math.BigDecimal price;
                        private boolean active;
                    %s}
                    """.formatted(i, i, i, previous);
            Path file = sources.resolve("Entity%03d.java".formatted(i));
            Files.writeString(file, source);
            files.add(file.toString());
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), "-proc:none"));
        arguments.addAll(files);
        if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("generated entities do not compile");
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                EntityModelTiming.class.getClassLoader());
        List<Class<?>> entities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entities.add(loader.loadClass("gen.Entity%03d".formatted(i)));
        }
        return entities;
    }
}
