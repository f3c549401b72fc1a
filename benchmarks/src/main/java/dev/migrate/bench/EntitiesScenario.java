package dev.migrate.bench;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.CheckResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.RevisionRequest;
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

import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Scenario "entities" (issue 11, 5): {@code db check} (through the API, {@code Migrate.check()}, a new engine per
 * check as in a one-shot run) with N JPA entities as models against the same check with N annotated records
 * ({@code @Table}) describing the same kind of tables. Each entity and each record has an id, five columns, an index
 * and a many-to-one to the previous one; the sources are written and compiled at run time with {@code javax.tools}
 * (plain Java a reader can open in the work directory, rather than bytecode spun by ByteBuddy), loaded by a class
 * loader of their own. Each set's tables are created by a script {@code db migrate} writes from that set, in a
 * database of its own, so each check finds nothing (checked).
 *
 * <p>Timed: the check with the entities, Hibernate's boot metamodel built for it (a {@code db check} without JPA
 * starting); with a metamodel already built (what a Spring application pays: JPA builds it at startup and
 * {@code MetadataCapture} hands it over, so only our translation is added); with the records; and, as the floor, with
 * the same tables handed over ready-made (no model reading at all); and a check on the same model source as an
 * earlier one (the Spring bean's case in a prompt or a running application: the tables mapped once are kept). Of
 * these, the model reading alone: the records read by reflection, the metamodel built and translated, the
 * translation alone. Counted: the queries of each check.
 * SQLite, then PostgreSQL when its server starts here.
 */
public final class EntitiesScenario implements Scenario {

    static final String FLOOR = "floor: db check, tables ready-made";
    static final String RECORDS = "db check, @Table records";
    static final String ENTITIES = "db check, entities (metamodel built)";
    static final String CAPTURED = "db check, entities (metamodel captured)";
    static final String KEPT = "db check, entities (mapped by an earlier check)";
    static final String READ_RECORDS = "  of which: records read (reflection)";
    static final String BUILD_METAMODEL = "  of which: metamodel built + translated";
    static final String TRANSLATE = "  of which: translation of a built metamodel";

    @Override
    public String name() {
        return "entities";
    }

    @Override
    public String description() {
        return "db check with N JPA entities (Hibernate's metamodel) against N @Table records: time and queries";
    }

    @Override
    public List<Result> run(Settings settings, Path workDir) throws Exception {
        // Hibernate logs through JBoss Logging, which without this falls back to java.util.logging on the console
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        int count = settings.peers().entities();
        Generated generated = generate(workDir, count);
        Settings measure = Peers.light(settings);
        List<Result> results = new ArrayList<>();
        for (Target target : Target.available(workDir.resolve("db"), true, System.out)) {
            results.addAll(run(target, generated, count, measure, workDir));
        }
        return results;
    }

    private List<Result> run(Target target, Generated generated, int count, Settings measure, Path workDir)
            throws Exception {
        String vendor = target.name();
        try (Target.Db entityDb = target.create(); Target.Db recordDb = target.create()) {
            String version;
            try (Connection connection = entityDb.dataSource().getConnection()) {
                version = connection.getMetaData().getDatabaseProductVersion();
            }
            EntityModelSettings entitySettings = EntityModelSettings.forDatabase(vendor).withDatabaseVersion(version);
            Supplier<ModelSource> entities = () -> EntityModelSource.of(generated.entities(), entitySettings);
            Supplier<ModelSource> records = () -> ModelSource.annotated(generated.records());
            Metadata built = metadata(generated.entities(), vendor, version);
            Supplier<ModelSource> captured = () -> EntityModelSource.lazy(generated::entities, () -> entitySettings,
                    () -> built);
            Path entityScripts = Files.createDirectories(workDir.resolve(vendor + "-entity-scripts"));
            Path recordScripts = Files.createDirectories(workDir.resolve(vendor + "-record-scripts"));
            createTables(entityDb.dataSource(), entityScripts, vendor, entities.get());
            createTables(recordDb.dataSource(), recordScripts, vendor, records.get());
            Schema ready = entities.get().schema();

            int floorQueries = queries(entityDb.dataSource(), entityScripts, vendor, () -> ModelSource.of(ready));
            int recordQueries = queries(recordDb.dataSource(), recordScripts, vendor, records);
            int entityQueries = queries(entityDb.dataSource(), entityScripts, vendor, entities);
            int capturedQueries = queries(entityDb.dataSource(), entityScripts, vendor, captured);
            // one model source for every check, as the Spring bean is: the first check maps, the others compare
            ModelSource kept = entities.get();
            int keptQueries = queries(entityDb.dataSource(), entityScripts, vendor, () -> kept);

            Measure.Samples floor = Measure.run(measure, Measure.whole(
                    () -> check(entityDb.dataSource(), entityScripts, vendor, ModelSource.of(ready))));
            Measure.Samples recordCheck = Measure.run(measure, Measure.whole(
                    () -> check(recordDb.dataSource(), recordScripts, vendor, records.get())));
            Measure.Samples entityCheck = Measure.run(measure, Measure.whole(
                    () -> check(entityDb.dataSource(), entityScripts, vendor, entities.get())));
            Measure.Samples capturedCheck = Measure.run(measure, Measure.whole(
                    () -> check(entityDb.dataSource(), entityScripts, vendor, captured.get())));
            Measure.Samples keptCheck = Measure.run(measure, Measure.whole(
                    () -> check(entityDb.dataSource(), entityScripts, vendor, kept)));
            Measure.Samples readRecords = Measure.run(measure, Measure.whole(() -> records.get().schema()));
            Measure.Samples buildMetamodel = Measure.run(measure, Measure.whole(() -> entities.get().schema()));
            Measure.Samples translate = Measure.run(measure, Measure.whole(() -> captured.get().schema()));

            String scenario = name() + "/" + vendor;
            double floorMs = floor.medianMillis();
            return List.of(
                    Result.of(scenario, "floor", FLOOR + " (" + floorQueries + " queries)", count, floor, floorMs),
                    Result.of(scenario, "migrate", RECORDS + " (" + recordQueries + " queries)", count, recordCheck, floorMs),
                    Result.of(scenario, "migrate", ENTITIES + " (" + entityQueries + " queries)", count, entityCheck, floorMs),
                    Result.of(scenario, "migrate", CAPTURED + " (" + capturedQueries + " queries)", count, capturedCheck,
                            floorMs),
                    Result.of(scenario, "migrate", KEPT + " (" + keptQueries + " queries)", count, keptCheck, floorMs),
                    Result.of(scenario, "migrate", READ_RECORDS, count, readRecords, Double.NaN),
                    Result.of(scenario, "migrate", BUILD_METAMODEL, count, buildMetamodel, Double.NaN),
                    Result.of(scenario, "migrate", TRANSLATE, count, translate, Double.NaN));
        }
    }

    /** The compiled entities and records, each set in its generation order. */
    record Generated(List<Class<?>> entities, List<Class<?>> records) {
    }

    private static void createTables(DataSource dataSource, Path scripts, String vendor, ModelSource models) {
        Migrate migrate = engine(dataSource, scripts, vendor, models);
        migrate.migrate(RevisionRequest.withMessage("tables"), RenameDecider.NEVER);
        migrate.upgrade("head");
    }

    private static Migrate engine(DataSource dataSource, Path scripts, String vendor, ModelSource models) {
        return new Migrate(MigrateConfig.builder().dataSource(dataSource).dialect(vendor).scriptDirectory(scripts)
                .model(models).build());
    }

    private static CheckResult check(DataSource dataSource, Path scripts, String vendor, ModelSource models) {
        CheckResult result = engine(dataSource, scripts, vendor, models).check();
        if (!result.upToDate()) {
            throw new IllegalStateException("the tables created from the models should be up to date, but: "
                    + result.differences().subList(0, Math.min(5, result.differences().size())));
        }
        return result;
    }

    private static int queries(DataSource dataSource, Path scripts, String vendor, Supplier<ModelSource> models) {
        RecordingDataSource recording = new RecordingDataSource(dataSource);
        check(recording.dataSource(), scripts, vendor, models.get());
        return recording.queries();
    }

    /**
     * The metamodel as the application's own Hibernate builds it at startup, before {@code MetadataCapture} hands it
     * over: the same entities, naming and database, no connection.
     */
    private static Metadata metadata(List<Class<?>> entities, String vendor, String version) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                .applyClassLoader(entities.get(0).getClassLoader()).build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(Map.of(
                "jakarta.persistence.database-product-name", vendor.equals("sqlite") ? "SQLite" : "PostgreSQL",
                "jakarta.persistence.database-product-version", version,
                "hibernate.boot.allow_jdbc_metadata_access", false,
                "hibernate.physical_naming_strategy", EntityModelSettings.SNAKE_CASE_PHYSICAL_NAMING)).build();
        MetadataSources sources = new MetadataSources(registry);
        entities.forEach(sources::addAnnotatedClass);
        return sources.buildMetadata();
    }

    /** {@code count} entities and {@code count} records, written as Java sources under {@code workDir} and compiled. */
    static Generated generate(Path workDir, int count) throws Exception {
        // The class path from the loaded annotations' own jars: java.class.path may be a manifest-only jar.
        Path classes = compile(workDir, "gen", count, List.of(location(jakarta.persistence.Entity.class),
                location(dev.migrate.schema.annotation.Table.class)));
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                EntitiesScenario.class.getClassLoader());
        List<Class<?>> entities = new ArrayList<>();
        List<Class<?>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entities.add(loader.loadClass("gen.Entity%03d".formatted(i)));
            records.add(loader.loadClass("gen.Record%03d".formatted(i)));
        }
        return new Generated(List.copyOf(entities), List.copyOf(records));
    }

    /**
     * Writes {@code count} entities ({@code EntityNNN}) and {@code count} records ({@code RecordNNN}) in package
     * {@code packageName} under {@code workDir}, compiles them against {@code classpath} (the JPA API and
     * migrate-core), and returns the directory of their classes.
     */
    static Path compile(Path workDir, String packageName, int count, List<String> classpath) throws Exception {
        Path sources = Files.createDirectories(workDir.resolve("src/" + packageName.replace('.', '/')));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(write(sources, "Entity%03d".formatted(i), "package " + packageName + ";\n" + entitySource(i)));
            files.add(write(sources, "Record%03d".formatted(i), "package " + packageName + ";\n" + recordSource(i)));
        }
        Path classes = Files.createDirectories(workDir.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                String.join(File.pathSeparator, classpath), "-proc:none", "--release", "17"));
        arguments.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        if (javac.run(InputStream.nullInputStream(), diagnostics, diagnostics, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the generated entities and records do not compile:\n" + diagnostics);
        }
        return classes;
    }

    private static String entitySource(int i) {
        String previous = i == 0 ? "" : """
                    @jakarta.persistence.ManyToOne
                    private Entity%03d previous;
                """.formatted(i - 1);
        return """
                @jakarta.persistence.Entity
                @jakarta.persistence.Table(name = "entity_%1$03d",
                        indexes = @jakarta.persistence.Index(name = "entity_%1$03d_name_idx", columnList = "name"))
                public class Entity%1$03d {
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
                %2$s}
                """.formatted(i, previous);
    }

    private static String recordSource(int i) {
        String previous = i == 0 ? "" : """
                ,
                        @dev.migrate.schema.annotation.ForeignKey(table = "record_%03d", column = "id") Integer previousId""".formatted(i - 1);
        return """
                @dev.migrate.schema.annotation.Table(name = "record_%1$03d")
                @dev.migrate.schema.annotation.Index(name = "record_%1$03d_name_idx", columns = "name")
                public record Record%1$03d(
                        @dev.migrate.schema.annotation.Id Integer id,
                        @dev.migrate.schema.annotation.Column(nullable = false, length = 80) String name,
                        Integer quantity,
                        java.time.LocalDateTime createdAt,
                        @dev.migrate.schema.annotation.Column(precision = 10, scale = 2) java.math.BigDecimal price,
                        @dev.migrate.schema.annotation.Column(nullable = false) boolean active%2$s) {
                }
                """.formatted(i, previous);
    }

    private static String write(Path directory, String name, String source) throws Exception {
        Path file = directory.resolve(name + ".java");
        Files.writeString(file, source);
        return file.toString();
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
