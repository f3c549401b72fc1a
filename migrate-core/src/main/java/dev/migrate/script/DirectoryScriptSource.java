package dev.migrate.script;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code *.sql} files directly in one directory on disk, in file-name order. */
public record DirectoryScriptSource(Path directory) implements ScriptSource {

    static final String EXTENSION = ".sql";

    @Override
    public String description() {
        return directory.toString();
    }

    @Override
    public List<ScriptResource> list() throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new ScriptException(directory + ": no such script directory; run \"db init\" to create it,"
                    + " or point the script location at an existing one");
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(EXTENSION) && Files.isRegularFile(file)) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        List<ScriptResource> resources = new ArrayList<>(names.size());
        for (String name : names) {
            Path file = directory.resolve(name);
            resources.add(new ScriptResource(name, file.toString(), () -> Files.newInputStream(file)));
        }
        return List.copyOf(resources);
    }
}
