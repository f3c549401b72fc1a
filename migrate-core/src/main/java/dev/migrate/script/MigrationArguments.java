package dev.migrate.script;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run is given from outside its scripts: the parameters ({@code -x key=value},
 * {@code migrate.parameters.*}) that SQL scripts read as {@code ${key}} and Java migrations as
 * {@link MigrationContext#parameters()}, and Alembic's {@code --tag}, an opaque argument for Java migrations.
 *
 * <p>Substitution is textual and runs before a section is split into statements, so a value may hold a
 * semicolon or a quote and is then read as SQL. {@code $${} writes a literal {@code ${}. A {@code ${name}} whose
 * name was not given is an error naming the file and the line. Values of keys that look like secrets
 * ({@link #isSecret(String)}) are replaced by {@code ***} wherever this class renders text for people.
 *
 * @param parameters the values by key
 * @param tag        the {@code --tag} argument, or null
 */
public record MigrationArguments(Map<String, String> parameters, String tag) {

    public static final MigrationArguments NONE = new MigrationArguments(Map.of(), null);

    /** {@code $${} (an escaped, literal {@code ${}) or {@code ${name}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z0-9_.-]+)}");

    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "secret", "token", "key",
            "credential");

    public MigrationArguments {
        parameters = Map.copyOf(new TreeMap<>(Objects.requireNonNull(parameters, "parameters")));
    }

    public static MigrationArguments of(Map<String, String> parameters) {
        return new MigrationArguments(parameters, null);
    }

    public MigrationArguments withTag(String tag) {
        return new MigrationArguments(parameters, tag);
    }

    /** These parameters with {@code more} added; a key of {@code more} wins (the command line over configuration). */
    public MigrationArguments with(Map<String, String> more) {
        TreeMap<String, String> merged = new TreeMap<>(parameters);
        merged.putAll(more);
        return new MigrationArguments(merged, tag);
    }

    /** Whether a key names a secret, whose value must never be shown: it holds password, secret, token or key. */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    /**
     * One line of a script with its placeholders replaced.
     *
     * @throws ScriptException naming {@code location} and {@code line} when a placeholder has no value
     */
    public String substitute(String text, String location, int line) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (name == null) {
                replacement = "${";
            } else {
                replacement = parameters.get(name);
                if (replacement == null) {
                    throw ScriptException.at(location, line, "no value for parameter ${" + name + "}; pass -x " + name
                            + "=<value> or set migrate.parameters." + name + " (write $${ for a literal ${)");
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** {@code text} with the values of secret-looking keys replaced by {@code ***}, for messages and logs. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            if (isSecret(entry.getKey()) && !entry.getValue().isEmpty()) {
                redacted = redacted.replace(entry.getValue(), "***");
            }
        }
        return redacted;
    }

    /** Keys and values, secret ones as {@code ***}: a record's default would print them. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("MigrationArguments[");
        parameters.forEach((key, value) -> text.append(text.charAt(text.length() - 1) == '[' ? "" : ", ")
                .append(key).append('=').append(isSecret(key) ? "***" : value));
        return text.append(tag == null ? "" : ", tag=" + tag).append(']').toString();
    }
}
