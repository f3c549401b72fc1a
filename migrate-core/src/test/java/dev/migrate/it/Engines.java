package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;

import java.nio.file.Path;

/** Builds the command facade the way an application would, over a test database and a script directory. */
public final class Engines {

    private Engines() {
    }

    public static Migrate over(TestDatabase database, Path scripts) {
        return new Migrate(MigrateConfig.builder().dataSource(database.dataSource()).dialect(database.kind())
                .scriptDirectory(scripts).build());
    }
}
