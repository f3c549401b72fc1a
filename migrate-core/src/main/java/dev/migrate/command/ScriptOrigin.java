package dev.migrate.command;

import java.nio.file.Path;
import java.util.List;

/** Where an engine reads its scripts from, so that a log line can say which scripts a run used. */
public sealed interface ScriptOrigin {

    /** The source read, for a log line. */
    String describe();

    /** The script directory on disk, the working tree's: it exists, or there are no locations to read instead. */
    record WorkingTree(Path directory) implements ScriptOrigin {
        @Override
        public String describe() {
            return "the script directory " + directory.toAbsolutePath();
        }
    }

    /** The configured locations: the scripts packaged with the application. */
    record Locations(List<String> locations) implements ScriptOrigin {
        public Locations {
            locations = List.copyOf(locations);
        }

        @Override
        public String describe() {
            return String.join(", ", locations);
        }
    }
}
