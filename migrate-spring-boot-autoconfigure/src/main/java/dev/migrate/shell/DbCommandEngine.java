package dev.migrate.shell;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import dev.migrate.fleet.Fleet;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import java.util.List;
import java.util.TreeSet;

/**
 * The engine the {@code db} commands work on when the application migrates several databases: the Migrate bean that
 * {@code migrate.database} names, else the application's own (the only default candidate, or the {@code @Primary} one);
 * {@code --database NAME} on a command chooses another for that command. With a fleet, {@code db upgrade}, {@code db current}
 * and {@code db status} run over every target, {@code --target NAME} on one.
 */
final class DbCommandEngine {

    static final String PROPERTY = "migrate.database";

    private DbCommandEngine() {
    }

    /** An executor on the chosen engine, whose {@code --database} option picks any Migrate bean of the context. */
    static DbCommandExecutor executor(ListableBeanFactory beans, Environment environment) {
        return new DbCommandExecutor(choose(beans, environment), beans.getBeansOfType(Migrate.class),
                beans.getBeanProvider(Fleet.class).getIfAvailable());
    }

    static Migrate choose(ListableBeanFactory beans, Environment environment) {
        String name = environment.getProperty(PROPERTY);
        List<String> names = List.copyOf(new TreeSet<>(List.of(beans.getBeanNamesForType(Migrate.class))));
        if (StringUtils.hasText(name)) {
            if (!names.contains(name)) {
                throw new MigrateException(PROPERTY + "=" + name + " names no Migrate bean: set it to one of "
                        + String.join(", ", names));
            }
            return beans.getBean(name, Migrate.class);
        }
        Migrate primary = beans.getBeanProvider(Migrate.class).getIfUnique();
        if (primary == null) {
            throw new MigrateException(names.size() + " Migrate beans (" + String.join(", ", names) + ") and none is @Primary: "
                    + "set " + PROPERTY + " to the one the db commands use, or mark one @Primary");
        }
        return primary;
    }
}
