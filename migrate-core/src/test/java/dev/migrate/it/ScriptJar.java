package dev.migrate.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** A script directory packaged as an application's jar packages it: every file under {@code db/migrations}. */
final class ScriptJar {

    private ScriptJar() {
    }

    /**
     * Writes a new jar in {@code tmp} holding the files of {@code scripts} under {@code db/migrations}, the text of
     * {@code fileName} changed by {@code edit} in the jar only.
     */
    static Path write(Path scripts, Path tmp, String fileName, UnaryOperator<String> edit) throws IOException {
        Path jar = tmp.resolve("app-" + System.nanoTime() + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out);
             var files = Files.list(scripts)) {
            for (String directory : new String[] {"db/", "db/migrations/"}) {
                entries.putNextEntry(new JarEntry(directory));
                entries.closeEntry();
            }
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String text = Files.readString(file);
                entries.putNextEntry(new JarEntry("db/migrations/" + name));
                entries.write((name.equals(fileName) ? edit.apply(text) : text).getBytes(StandardCharsets.UTF_8));
                entries.closeEntry();
            }
        }
        return jar;
    }

    /** The jar of {@code scripts} as they are. */
    static Path write(Path scripts, Path tmp) throws IOException {
        return write(scripts, tmp, "", UnaryOperator.identity());
    }
}
