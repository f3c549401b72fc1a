package dev.migrate.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * One benchmark scenario: it prepares its inputs under {@code workDir} (a temporary directory the runner
 * deletes afterwards), measures its cases at each size, and returns one {@link Result} per case and size.
 * Each scenario has a floor (the unavoidable work, done by hand) and reports the ratio to it. New
 * scenarios (Flyway and Liquibase side by side, issue 6) are one more class listed in {@link BenchmarkMain}.
 */
public interface Scenario {

    /** The short name used on the command line ({@code --only graph}). */
    String name();

    /** One line for the table's heading. */
    String description();

    List<Result> run(Settings settings, Path workDir) throws Exception;
}
