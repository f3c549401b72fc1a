package dev.migrate.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the words after {@code db} into a {@link DbInvocation}. Words arrive already split (from the
 * process's arguments, or from {@link ShellWords} in the interactive shell), so quoted values keep their
 * spaces. A word like {@code -2} is a relative revision, not an option (Flask-Migrate once read
 * {@code downgrade -2} as an option), and flags work wherever they stand.
 */
public final class DbCommandLineParser {

    /** The global option naming the Migrate bean a command works on when the application migrates several databases. */
    static final String DATABASE = "database";

    /** The global option naming the one fleet target (schema or shard) a command works on. */
    static final String TARGET = "target";

    private static final Pattern RELATIVE_REVISION = Pattern.compile("-\\d+");

    /** The words after {@code db}, leaving out Spring Boot's own {@code --some.property=value} arguments. */
    static List<String> commandWords(String[] sourceArgs) {
        List<String> words = new ArrayList<>();
        for (String word : Arrays.asList(sourceArgs).subList(1, sourceArgs.length)) {
            boolean springProperty = word.startsWith("--") && word.indexOf('.') > 0
                    && (word.indexOf('=') < 0 || word.indexOf('.') < word.indexOf('='));
            if (!springProperty) {
                words.add(word);
            }
        }
        return words;
    }

    public DbInvocation parse(List<String> words) {
        if (words.isEmpty()) {
            throw new DbUsageException("Missing command: db <command>; commands: " + verbList());
        }
        String verbWord = words.get(0);
        DbVerb verb = DbVerb.named(verbWord).orElseThrow(() ->
                new DbUsageException("Unknown command 'db " + verbWord + "'; commands: " + verbList()));
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> arguments = new ArrayList<>();
        boolean help = false;
        boolean debug = false;
        boolean onlyArguments = false;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (onlyArguments || !word.startsWith("-") || word.equals("-") || RELATIVE_REVISION.matcher(word).matches()) {
                arguments.add(word);
                continue;
            }
            if (word.equals("--")) {
                onlyArguments = true;
                continue;
            }
            if (word.equals("--help") || word.equals("-h")) {
                help = true;
                continue;
            }
            if (word.equals("--debug")) {
                debug = true;
                continue;
            }
            String global = globalOption(word);
            if (global != null) {
                // a global option, as --debug: which Migrate bean (database) or fleet target the verb works on
                String value = word.indexOf('=') > 0 ? word.substring(word.indexOf('=') + 1) : null;
                if (value == null && i + 1 >= words.size()) {
                    throw new DbUsageException("db " + verb.verb() + ": option --" + global + " needs a value");
                }
                options.computeIfAbsent(global, key -> new ArrayList<>()).add(value != null ? value : words.get(++i));
                continue;
            }
            String name;
            String inlineValue = null;
            DbVerb.OptionSpec spec;
            if (word.startsWith("--")) {
                int equals = word.indexOf('=');
                name = equals < 0 ? word.substring(2) : word.substring(2, equals);
                inlineValue = equals < 0 ? null : word.substring(equals + 1);
                spec = longOption(verb, name, word);
            } else {
                if (word.length() != 2) {
                    throw unknownOption(verb, word);
                }
                spec = shortOption(verb, word.charAt(1), word);
            }
            String value;
            if (spec.takesValue()) {
                if (inlineValue != null) {
                    value = inlineValue;
                } else if (i + 1 < words.size()) {
                    value = words.get(++i);
                } else {
                    throw new DbUsageException("db " + verb.verb() + ": option --" + spec.longName() + " needs a value");
                }
            } else {
                value = inlineValue == null ? "true" : booleanValue(verb, spec, inlineValue);
            }
            options.computeIfAbsent(spec.longName(), key -> new ArrayList<>()).add(value);
        }
        if (!help) {
            checkArgumentCount(verb, arguments);
        }
        return new DbInvocation(verb, options, arguments, help, debug);
    }

    /** {@code --database} or {@code --target} (alone or with {@code =value}), else null. */
    private static String globalOption(String word) {
        for (String name : List.of(DATABASE, TARGET)) {
            if (word.equals("--" + name) || word.startsWith("--" + name + "=")) {
                return name;
            }
        }
        return null;
    }

    private static void checkArgumentCount(DbVerb verb, List<String> arguments) {
        if (arguments.size() < verb.minArguments()) {
            throw new DbUsageException("db " + verb.verb() + ": missing revision argument; see db " + verb.verb() + " --help");
        }
        if (arguments.size() > verb.maxArguments()) {
            throw new DbUsageException("db " + verb.verb() + ": unexpected argument '" + arguments.get(verb.maxArguments())
                    + "'; quote a value that has spaces, e.g. -m \"add users table\"");
        }
    }

    private static String booleanValue(DbVerb verb, DbVerb.OptionSpec spec, String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return text.toLowerCase();
        }
        throw new DbUsageException("db " + verb.verb() + ": --" + spec.longName() + " is a flag; give it alone or as --"
                + spec.longName() + "=true|false");
    }

    private static DbVerb.OptionSpec longOption(DbVerb verb, String name, String word) {
        return verb.options().stream().filter(option -> option.longName().equals(name)).findFirst()
                .orElseThrow(() -> unknownOption(verb, word));
    }

    private static DbVerb.OptionSpec shortOption(DbVerb verb, char name, String word) {
        return verb.options().stream().filter(option -> option.shortName() == name).findFirst()
                .orElseThrow(() -> unknownOption(verb, word));
    }

    private static DbUsageException unknownOption(DbVerb verb, String word) {
        return new DbUsageException("db " + verb.verb() + ": unknown option '" + word + "'; see db " + verb.verb() + " --help");
    }

    static String verbList() {
        StringBuilder names = new StringBuilder();
        for (DbVerb verb : DbVerb.values()) {
            names.append(names.isEmpty() ? "" : ", ").append(verb.verb());
        }
        return names.toString();
    }
}
