package dev.migrate.shell;

/** The help text of a verb, listing its options as Flask-Migrate's help does. */
final class DbHelp {

    private DbHelp() {
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
        text.append(String.format("  %-28s %s%n", "    --debug", "show the stack trace of a failure"));
        text.append(String.format("  %-28s %s", "-h, --help", "show this message"));
        return text.toString();
    }
}
