package dev.migrate.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code db} verbs with Flask-Migrate's options: which take a value, which are flags, how many
 * positional arguments, and their defaults. The one place the command line's grammar is written down.
 */
public enum DbVerb {
    INIT("init", "Create the script directory and its template", 0, 0, null),
    REVISION("revision", "Create a new revision script", 0, 0, null,
            value('m', "message", "the revision's message"), flag("autogenerate", "compare the models with the database"),
            flag("sql", "do not connect: write the offline SQL"), value("head", "the revision to base it on (default: head)"),
            flag("splice", "allow --head to be a non-head revision"), value("branch-label", "a label for a new branch"),
            value("rev-id", "the id to use instead of a generated one"), value("depends-on", "revisions it depends on"),
            value("rename", "with --autogenerate, take proposed renames: ask, always or never"),
            value("version-path", "write into this configured directory (migrate.version-paths)")),
    MIGRATE("migrate", "Autogenerate a revision script from the models", 0, 0, null,
            value('m', "message", "the revision's message"), flag("sql", "do not connect: write the offline SQL"),
            value("head", "the revision to base it on (default: head)"), flag("splice", "allow --head to be a non-head revision"),
            value("branch-label", "a label for a new branch"), value("rev-id", "the id to use instead of a generated one"),
            value("rename", "take proposed renames: ask, always or never"),
            value("version-path", "write into this configured directory (migrate.version-paths)")),
    MERGE("merge", "Merge two or more revisions into one", 0, Integer.MAX_VALUE, null,
            value('m', "message", "the merge revision's message"), value("branch-label", "a label for the merge revision"),
            value("rev-id", "the id to use instead of a generated one")),
    UPGRADE("upgrade", "Upgrade to a later revision", 0, 1, "head",
            flag("sql", "do not connect: print the SQL ([start:]end)"), value("tag", "an argument Java migrations read (MigrationContext.tag())"),
            value('x', "x-arg", "key=value for ${key} in scripts (repeatable)")),
    DOWNGRADE("downgrade", "Revert to a previous revision", 0, 1, "-1",
            flag("sql", "do not connect: print the SQL (start:end)"), value("tag", "an argument Java migrations read (MigrationContext.tag())"),
            value('x', "x-arg", "key=value for ${key} in scripts (repeatable)"), flag('y', "yes", "do not ask before dropping tables")),
    SHOW("show", "Show the revision denoted by the given symbol", 0, 1, "head"),
    HISTORY("history", "List revisions in chronological order", 0, 0, null,
            value('r', "rev-range", "a range [start]:[end]"), flag('v', "verbose", "show all details"),
            flag('i', "indicate-current", "mark the current revision"),
            flag('g', "graph", "draw the whole history as a graph, current revisions marked")),
    HEADS("heads", "Show the current available heads", 0, 0, null, flag('v', "verbose", "show all details"),
            flag("resolve-dependencies", "treat dependencies as down revisions")),
    BRANCHES("branches", "Show the current branch points", 0, 0, null, flag('v', "verbose", "show all details")),
    CURRENT("current", "Display the current revision of the database", 0, 0, null,
            flag('v', "verbose", "show all details"),
            flag("fail-if-ahead", "exit 1 when the database is at a revision no script defines")),
    STAMP("stamp", "Set the version table to a revision without running migrations", 0, 1, "head",
            // No --tag: a stamp runs no migration, so nothing could read it; rejected rather than ignored.
            flag("sql", "do not connect: print the SQL ([start:]revision)"),
            flag("purge", "delete every row of the version table first")),
    GRAPH("graph", "Write the revision graph as a diagram for documentation", 0, 0, null,
            value('f', "format", "mermaid (the default) or dot")),
    CHECK("check", "Fail when the models and the upgraded database differ", 0, 0, null),
    REPAIR("repair", "Record the checksums of applied scripts edited since they ran, after reviewing the edits", 0, 0, null),
    STATUS("status", "Show every revision as a table: applied (when, how long) or pending, and any drift", 0, 0, null);

    /** One option: its long name, optional one-letter name, whether it takes a value, and its help. */
    public record OptionSpec(char shortName, String longName, boolean takesValue, String help) {
    }

    private static final Map<String, DbVerb> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(DbVerb::verb, Function.identity()));

    private final String verb;
    private final String description;
    private final int minArguments;
    private final int maxArguments;
    private final String defaultArgument;
    private final List<OptionSpec> options;

    DbVerb(String verb, String description, int minArguments, int maxArguments, String defaultArgument,
           OptionSpec... options) {
        this.verb = verb;
        this.description = description;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
        this.defaultArgument = defaultArgument;
        this.options = List.of(options);
    }

    public static Optional<DbVerb> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public String verb() {
        return verb;
    }

    public String description() {
        return description;
    }

    public int minArguments() {
        return minArguments;
    }

    public int maxArguments() {
        return maxArguments;
    }

    /** The positional argument used when none is given (upgrade: head, downgrade: -1, show: head), or null. */
    public String defaultArgument() {
        return defaultArgument;
    }

    public List<OptionSpec> options() {
        return options;
    }

    /** Whether the positional arguments are revisions, for Tab completion. */
    public boolean takesRevisions() {
        return maxArguments > 0;
    }

    private static OptionSpec flag(String longName, String help) {
        return new OptionSpec('\0', longName, false, help);
    }

    private static OptionSpec flag(char shortName, String longName, String help) {
        return new OptionSpec(shortName, longName, false, help);
    }

    private static OptionSpec value(String longName, String help) {
        return new OptionSpec('\0', longName, true, help);
    }

    private static OptionSpec value(char shortName, String longName, String help) {
        return new OptionSpec(shortName, longName, true, help);
    }
}
