package dev.migrate.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Scenario "entities-cli" (issue 11, 5): the whole process, {@code java -jar demo-clinic-app.jar db check}, in a fresh
 * JVM per sample (as scenario "cli"), with N more models packed into copies of the clinic's jar: N generated JPA
 * entities (then JPA starts with 5 + N entities, and the check uses the metamodel it built), or N generated
 * {@code @Table} records (JPA starts with the clinic's 5 entities; the records are read by reflection). The same
 * generated sources as scenario "entities" ({@link EntitiesScenario#compile}), compiled against the jar's own JPA API
 * and migrate-core. Floor: the clinic's own jar, 5 entities. Each database is prepared untimed by the jar itself
 * ({@code db upgrade} of a copy of the clinic's scripts, {@code db migrate} of the generated tables, {@code db upgrade}); each check
 * must print "No new upgrade operations detected.". Needs {@code demo-clinic-app/target/demo-clinic-app.jar}
 * (run.sh builds it); not in the smoke test, as scenario "cli" (each sample is three JVM starts).
 */
public final class EntitiesCliScenario implements Scenario {

    /** The clinic's jar; {@code -Dmigrate.bench.entities.jar=...} for another. */
    static final String JAR_PROPERTY = "migrate.bench.entities.jar";
    static final String CLINIC = "clinic jar (5 entities): db check";
    static final String ENTITIES = "clinic jar + N entities: db check";
    static final String RECORDS = "clinic jar + N @Table records: db check";
    private static final String UP_TO_DATE = "No new upgrade operations detected.";
    private static final String PACKAGE = "dev.migrate.clinic.gen";
    /** The revision id of the generated tables' script. */
    private static final String GENERATED = "9e4e7a7ed000";

    @Override
    public String name() {
        return "entities-cli";
    }

    @Override
    public String description() {
        return "java -jar demo-clinic-app.jar db check with N more entities or N more @Table records, fresh JVM per run";
    }

    @Override
    public List<Result> run(Settings settings, Path workDir) throws Exception {
        Path jar = CliScenario.builtJar(JAR_PROPERTY, "demo-clinic-app");
        int count = settings.peers().entities();
        Path classes = EntitiesScenario.compile(workDir.resolve("gen"), PACKAGE, count,
                extract(jar, workDir.resolve("jar"), "BOOT-INF/lib/jakarta.persistence-api", "BOOT-INF/lib/migrate-core"));
        Path withEntities = copyWith(jar, classes, "Entity", workDir.resolve("with-entities.jar"));
        Path withRecords = copyWith(jar, classes, "Record", workDir.resolve("with-records.jar"));
        Path runDir = Files.createDirectories(workDir.resolve("run"));
        List<Result> results = new ArrayList<>();
        for (Target target : Target.available(workDir.resolve("db"), true, System.out)) {
            String vendor = target.name();
            String scenario = name() + "/" + vendor + BootScenario.WALL;
            try (Target.Db clinicDb = target.create(); Target.Db entityDb = target.create();
                 Target.Db recordDb = target.create()) {
                List<String> entityCheck = prepare(withEntities, entityDb, target, workDir, runDir, "entity_000");
                List<String> recordCheck = prepare(withRecords, recordDb, target, workDir, runDir, "record_000");
                CliScenario.runJar(jar, clinicDb, target, runDir, "prepare: db upgrade", List.of("db", "upgrade"),
                        "Running upgrade  -> 2da9a0754192, initial clinic schema");
                for (int i = 0; i < (results.isEmpty() ? settings.peers().heavyWarmups() : 0); i++) {
                    CliScenario.runJar(jar, clinicDb, target, runDir, CLINIC, List.of("db", "check"), UP_TO_DATE);
                    CliScenario.runJar(withEntities, entityDb, target, runDir, ENTITIES, entityCheck, UP_TO_DATE);
                    CliScenario.runJar(withRecords, recordDb, target, runDir, RECORDS, recordCheck, UP_TO_DATE);
                }
                int iterations = settings.peers().bootIterations();
                long[][] wall = new long[3][iterations];
                for (int i = 0; i < iterations; i++) {
                    wall[0][i] = CliScenario.runJar(jar, clinicDb, target, runDir, CLINIC, List.of("db", "check"),
                            UP_TO_DATE);
                    wall[1][i] = CliScenario.runJar(withEntities, entityDb, target, runDir, ENTITIES, entityCheck,
                            UP_TO_DATE);
                    wall[2][i] = CliScenario.runJar(withRecords, recordDb, target, runDir, RECORDS, recordCheck,
                            UP_TO_DATE);
                }
                Measure.Samples floor = new Measure.Samples(wall[0]);
                results.add(Result.of(scenario, "floor", CLINIC, count, floor, floor.medianMillis()));
                results.add(Result.of(scenario, "migrate", ENTITIES.replace("N", String.valueOf(count)), count,
                        new Measure.Samples(wall[1]), floor.medianMillis()));
                results.add(Result.of(scenario, "migrate", RECORDS.replace("N", String.valueOf(count)), count,
                        new Measure.Samples(wall[2]), floor.medianMillis()));
            }
        }
        return results;
    }

    /**
     * Untimed, by {@code jar}: a copy of the clinic's scripts upgraded to, the generated tables written by
     * {@code db migrate} into it and created by {@code db upgrade}; returns the words of the check on that directory.
     */
    private static List<String> prepare(Path jar, Target.Db db, Target target, Path workDir, Path runDir,
                                        String firstTable) throws Exception {
        String vendor = target.name();
        Path scripts = Files.createDirectories(workDir.resolve("scripts-" + jar.getFileName() + "-" + vendor));
        extract(jar, scripts, "BOOT-INF/classes/db/migrations/" + vendor + "/");
        String directory = "--migrate.script-directory=" + scripts;
        CliScenario.runJar(jar, db, target, runDir, "prepare: db upgrade", List.of("db", "upgrade", directory),
                "Running upgrade  -> 2da9a0754192, initial clinic schema");
        CliScenario.runJar(jar, db, target, runDir, "prepare: db migrate", List.of("db", "migrate", "-m", "generated",
                "--rev-id", GENERATED, directory), "Detected added table '" + firstTable + "'");
        CliScenario.runJar(jar, db, target, runDir, "prepare: db upgrade", List.of("db", "upgrade", directory),
                "Running upgrade 2da9a0754192 -> " + GENERATED + ", generated");
        return List.of("db", "check", directory);
    }

    /** The jar's entries whose names start with one of {@code prefixes}, as files in {@code directory} (flat). */
    private static List<String> extract(Path jar, Path directory, String... prefixes) throws IOException {
        Files.createDirectories(directory);
        List<String> files = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (!entry.isDirectory() && Stream.of(prefixes).anyMatch(name::startsWith)) {
                    Path file = directory.resolve(Path.of(name).getFileName().toString());
                    Files.copy(zip, file, StandardCopyOption.REPLACE_EXISTING);
                    files.add(file.toString());
                }
            }
        }
        return files;
    }

    /** A copy of {@code jar} with the generated classes named {@code prefix...} in the application's package. */
    private static Path copyWith(Path jar, Path classes, String prefix, Path copy) throws IOException {
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        Path compiled = classes.resolve(PACKAGE.replace('.', '/'));
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + copy.toUri()), Map.of());
             Stream<Path> files = Files.list(compiled)) {
            Path target = zip.getPath("BOOT-INF/classes/" + PACKAGE.replace('.', '/'));
            Files.createDirectories(target);
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return copy;
    }
}
