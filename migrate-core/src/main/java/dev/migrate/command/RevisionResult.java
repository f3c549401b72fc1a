package dev.migrate.command;

import java.nio.file.Path;
import java.util.List;

/** A script that {@code revision}, {@code merge} or {@code migrate} wrote. */
public record RevisionResult(String revision, List<String> revises, String message, Path path) {

    public RevisionResult {
        revises = List.copyOf(revises);
    }

    /** Flask-Migrate's line: {@code Generating /path/to/ab12_add_x.sql ...  done}. */
    public String describe() {
        return "Generating " + path + " ...  done";
    }
}
