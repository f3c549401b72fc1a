package dev.migrate.command;

import java.nio.file.Path;
import java.util.List;

/** What {@code init} created: the script directory and the files in it. */
public record InitResult(Path directory, List<Path> created) {

    public InitResult {
        created = List.copyOf(created);
    }
}
