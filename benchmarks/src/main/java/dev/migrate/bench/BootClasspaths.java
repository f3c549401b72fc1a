package dev.migrate.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One class path per application of scenario "boot", so that no tool's classes are on another's class path.
 * This module declares the three starters and {@code spring-boot-starter-jdbc} as {@code provided} dependencies
 * (never on the harness's own class path, {@code target/lib}); at build time the dependency plugin writes the
 * verbose dependency tree ({@code target/boot-classpath/tree.txt}: every edge, duplicates included) and every
 * resolved file ({@code target/boot-classpath/files.txt}). A tool's class path is the transitive closure of its
 * roots in that tree, mapped to the resolved files: the floor's roots are {@code spring-boot-starter-jdbc} and
 * the two JDBC drivers; each tool adds its starter (Flyway also {@code flyway-database-postgresql}, which a
 * Flyway application on PostgreSQL needs). Optional dependencies are not in the tree, as they are not on an
 * application's class path.
 */
final class BootClasspaths {

    /** The applications, with the {@code groupId:artifactId} roots of their class paths. */
    enum App {
        FLOOR("org.springframework.boot:spring-boot-starter-jdbc", "org.xerial:sqlite-jdbc", "org.postgresql:postgresql"),
        MIGRATE("dev.migrate:migrate-spring-boot-starter"),
        FLYWAY("org.springframework.boot:spring-boot-starter-flyway", "org.flywaydb:flyway-database-postgresql"),
        LIQUIBASE("org.springframework.boot:spring-boot-starter-liquibase");

        private final List<String> roots;

        App(String... roots) {
            this.roots = List.of(roots);
        }

        /** The label of the tool in the application's report line ({@code classes=}, {@code beans=}), or "". */
        String tool() {
            return this == FLOOR ? "" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<String, Set<String>> edges;
    private final Map<String, Path> files;

    private BootClasspaths(Map<String, Set<String>> edges, Map<String, Path> files) {
        this.edges = edges;
        this.files = files;
    }

    /** The files written at build time next to this module's classes (or jar). */
    static BootClasspaths load() throws IOException {
        Path dir = targetDir().resolve("boot-classpath");
        Path tree = dir.resolve("tree.txt");
        Path list = dir.resolve("files.txt");
        if (!Files.isRegularFile(tree) || !Files.isRegularFile(list)) {
            throw new IllegalStateException(dir + " has no tree.txt and files.txt: build the module first ("
                    + "./mvnw -pl benchmarks -am package -DskipTests)");
        }
        return new BootClasspaths(edges(Files.readAllLines(tree, StandardCharsets.UTF_8)),
                files(Files.readAllLines(list, StandardCharsets.UTF_8)));
    }

    /** {@code target}: the parent of {@code target/classes} or of {@code target/migrate-benchmarks.jar}. */
    static Path targetDir() {
        try {
            Path location = Path.of(BootClasspaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toAbsolutePath().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jars of {@code app}: the closure of the floor's roots and of its own. */
    List<Path> of(App app) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(App.FLOOR.roots);
        todo.addAll(app.roots);
        while (!todo.isEmpty()) {
            String ga = todo.pop();
            if (seen.add(ga)) {
                todo.addAll(edges.getOrDefault(ga, Set.of()));
            }
        }
        List<Path> jars = new ArrayList<>();
        for (String ga : seen) {
            Path file = files.get(ga);
            if (file == null) {
                throw new IllegalStateException(ga + " is in the dependency tree but was not resolved");
            }
            jars.add(file);
        }
        return jars;
    }

    /**
     * {@code groupId:artifactId} to its children, from {@code dependency:tree -Dverbose} text: each level indents
     * by three characters; a node in parentheses was omitted (a duplicate or a conflict's loser) and lists no
     * children, which its expansion elsewhere in the tree gives.
     */
    static Map<String, Set<String>> edges(List<String> lines) {
        Map<String, Set<String>> edges = new HashMap<>();
        List<String> path = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int start = 0;
            while (start < line.length() && "|+-\\ ".indexOf(line.charAt(start)) >= 0) {
                start++;
            }
            if (start >= line.length()) {
                continue;
            }
            int depth = start / 3;
            String coordinates = line.substring(start).replace("(", "").split("[ )]", 2)[0];
            String[] parts = coordinates.split(":");
            String ga = parts[0] + ":" + parts[1];
            while (path.size() >= depth) {
                path.remove(path.size() - 1);
            }
            if (depth > 1) {
                edges.computeIfAbsent(path.get(depth - 2), k -> new LinkedHashSet<>()).add(ga);
            }
            path.add(ga);
        }
        return edges;
    }

    /** {@code groupId:artifactId} to its file, from {@code dependency:list -DoutputAbsoluteArtifactFilename}. */
    static Map<String, Path> files(List<String> lines) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String line : lines) {
            String entry = line.strip();
            int module = entry.indexOf(" -- ");
            if (module >= 0) {
                entry = entry.substring(0, module);
            }
            String[] parts = entry.split(":");
            if (parts.length < 6 || !parts[parts.length - 1].startsWith("/")) {
                continue;
            }
            files.put(parts[0] + ":" + parts[1], Path.of(parts[parts.length - 1]));
        }
        return files;
    }
}
