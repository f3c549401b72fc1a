package dev.migrate.shell;

import java.util.List;
import java.util.Map;

/**
 * A parsed {@code db} command line: the verb, the options given (flags map to "true"; a repeated option
 * keeps every value), the positional arguments, and whether help or a stack trace was asked for.
 */
public record DbInvocation(DbVerb verb, Map<String, List<String>> options, List<String> arguments, boolean help,
                           boolean debug) {

    public DbInvocation {
        options = Map.copyOf(options);
        arguments = List.copyOf(arguments);
    }

    public boolean flag(String longName) {
        List<String> values = options.get(longName);
        return values != null && !values.isEmpty() && Boolean.parseBoolean(values.get(values.size() - 1));
    }

    /** The last value of an option, or null. */
    public String value(String longName) {
        List<String> values = options.get(longName);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    public List<String> values(String longName) {
        return options.getOrDefault(longName, List.of());
    }

    /** The single positional argument, or the verb's default. */
    public String argumentOrDefault() {
        return arguments.isEmpty() ? verb.defaultArgument() : arguments.get(0);
    }
}
