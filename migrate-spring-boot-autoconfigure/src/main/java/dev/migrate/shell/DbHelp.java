package dev.migrate.shell;

import java.util.List;
import java.util.Optional;

/** The help text of a verb, listing its options as Flask-Migrate's help does. */
final class DbHelp {

    private DbHelp() {
    }

    /**
     * The help that a whole command line asks for ({@code db ...} as the process received it, Boot's
     * {@code --some.property=value} arguments included), or null. It and what it calls use no Spring class: the jar
     * launcher {@code dev.migrate.launch.MigrateJarLauncher} calls it by name, from the packaged auto-configuration
     * jar in a class loader that holds nothing else, before Boot's launcher and {@code SpringApplication} start.
     */
    static String forCommandLine(String[] args) {
        if (args.length == 0 || !"db".equals(args[0])) {
            return null;
        }
        return forWords(DbCommandLineParser.commandWords(args)).orElse(null);
    }

    /**
     * The help that these words (after {@code db}) ask for, or empty when they ask for none or are wrong (a usage
     * error is the executor's to report): {@code db} alone, {@code --help}, {@code -h} and {@code help} give the
     * overview, a command with {@code --help} or {@code -h} its own help.
     */
    static Optional<String> forWords(List<String> words) {
        if (words.isEmpty() || words.size() == 1 && (words.get(0).equals("--help") || words.get(0).equals("-h")
                || words.get(0).equals("help"))) {
            return Optional.of(overview());
        }
        try {
            DbInvocation invocation = new DbCommandLineParser().parse(words);
            return invocation.help() ? Optional.of(of(invocation.verb())) : Optional.empty();
        } catch (DbUsageException e) {
            return Optional.empty();
        }
    }

    /** {@code db --help}: every command with its one-line description, as {@code flask db --help} lists them. */
    static String overview() {
        StringBuilder text = new StringBuilder("Usage: db <command> [OPTIONS] [ARGUMENTS]\n\n")
                .append("  Database migrations, as Flask-Migrate's flask db commands.\n\nCommands:\n");
        for (DbVerb verb : DbVerb.values()) {
            text.append(String.format("  %-12s %s%n", verb.verb(), verb.description()));
        }
        return text.append("\nSee db <command> --help for a command's options.").toString();
    }

    static String of(DbVerb verb) {
        StringBuilder text = new StringBuilder("Usage: db ").append(verb.verb()).append(" [OPTIONS]");
        if (verb.maxArguments() > 1) {
            text.append(" [REVISIONS]...");
        } else if (verb.maxArguments() == 1) {
            text.append(verb.minArguments() == 1 ? " REVISION" : " [REVISION]");
        }
        text.append("\n\n  ").append(verb.description()).append('\n');
        if (verb.defaultArgument() != null) {
            text.append("  The revision defaults to ").append(verb.defaultArgument()).append(".\n");
        }
        text.append("\nOptions:\n");
        for (DbVerb.OptionSpec option : verb.options()) {
            String names = (option.shortName() != '\0' ? "-" + option.shortName() + ", " : "    ") + "--" + option.longName()
                    + (option.takesValue() ? " TEXT" : "");
            text.append(String.format("  %-28s %s%n", names, option.help()));
        }
        text.append(String.format("  %-28s %s%n", "    --database TEXT", "the Migrate bean to work on (several databases)"));
        text.append(String.format("  %-28s %s%n", "    --target TEXT", "the one fleet target (schema or shard) to work on"));
        text.append(String.format("  %-28s %s%n", "    --debug", "show the stack trace of a failure"));
        text.append(String.format("  %-28s %s", "-h, --help", "show this message"));
        return text.toString();
    }
}
