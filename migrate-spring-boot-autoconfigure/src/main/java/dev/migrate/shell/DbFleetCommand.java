package dev.migrate.shell;

import dev.migrate.fleet.Fleet;
import dev.migrate.fleet.FleetResult;
import dev.migrate.fleet.TargetOutcome;
import dev.migrate.runtime.RunResult;

import java.util.List;

/**
 * {@code db upgrade}, {@code db current} and {@code db status} over every fleet target, as many at a time as
 * migrate.fleet.parallelism says: each target's output under its name, in the targets' order once all ran; a failed
 * target is its one line on the error stream and makes the command fail, after every other target ran.
 */
final class DbFleetCommand {

    private final Fleet fleet;

    DbFleetCommand(Fleet fleet) {
        this.fleet = fleet;
    }

    int run(DbInvocation invocation, DbConsole console) {
        return switch (invocation.verb()) {
            case UPGRADE -> print(fleet.upgrade(invocation.argumentOrDefault()), console, (run, target) -> {
                if (run.isEmpty()) {
                    DbCommandExecutor.report(run, prefixed(console, target), "upgrade");
                } else {
                    console.out(target + ": upgraded " + heads(run.fromHeads()) + " -> " + heads(run.toHeads()) + " ("
                            + run.steps().size() + " revision(s)"
                            + (run.repeatables().isEmpty() ? "" : ", " + run.repeatables().size() + " repeatable script(s)")
                            + ")");
                    run.earlierFailures().forEach(failed -> console.err(target + ": WARNING: " + failed.describe()));
                }
            });
            case CURRENT -> print(fleet.current(invocation.flag("verbose")), console, (listing, target) -> {
                List<String> lines = listing.lines();
                if (lines.isEmpty()) {
                    console.out(target + ": base");
                }
                lines.forEach(line -> console.out(target + ": " + line));
            });
            case STATUS -> print(fleet.status(), console, (status, target) -> {
                console.out("== " + target);
                new StatusTable(status).lines().forEach(console::out);
            });
            default -> throw new IllegalStateException("db " + invocation.verb().verb() + " does not run over a fleet");
        };
    }

    private interface Printer<T> {
        void print(T value, String target);
    }

    private static <T> int print(FleetResult<T> result, DbConsole console, Printer<T> printer) {
        for (TargetOutcome<T> outcome : result.outcomes()) {
            if (outcome instanceof TargetOutcome.Done<T> done) {
                printer.print(done.value(), done.target());
            } else {
                console.err(outcome.describe());
            }
        }
        if (result.succeeded()) {
            return DbCommandExecutor.OK;
        }
        console.err(result.failures().size() + " of " + result.outcomes().size() + " fleet targets failed"
                + (result.failures().size() == 1 ? "" : ": " + String.join(", ",
                result.failures().stream().map(TargetOutcome::target).toList())));
        return DbCommandExecutor.FAILED;
    }

    /** The console with every line starting with the target's name. */
    private static DbConsole prefixed(DbConsole console, String target) {
        return new DbConsole() {
            @Override
            public void out(String line) {
                console.out(target + ": " + line);
            }

            @Override
            public void err(String line) {
                console.err(target + ": " + line);
            }

            @Override
            public boolean interactive() {
                return console.interactive();
            }

            @Override
            public boolean confirm(String question) {
                return console.confirm(question);
            }
        };
    }

    private static String heads(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
