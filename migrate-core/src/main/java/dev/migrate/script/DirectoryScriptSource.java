package dev.migrate.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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
        try (Stream<Path> files = Files.list(directory)) {
            return files
                    .filter(file -> file.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(file))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .map(file -> new ScriptResource(file.getFileName().toString(), file.toString(),
                            () -> Files.newInputStream(file)))
                    .toList();
        }
    }
}
