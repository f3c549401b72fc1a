package dev.migrate.autogenerate;

import dev.migrate.autogenerate.Step.Phase;
import dev.migrate.dialect.Dialect;
import dev.migrate.op.ExecuteSql;
import dev.migrate.schema.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The table options a model states (MariaDB/MySQL: {@code ENGINE}, default character set, {@code COLLATE}) against
 * the database's, when {@link CompareOptions#compareTableOptions()} asks: only the options the model states, values
 * compared ignoring case; one {@code ALTER TABLE} with the model's options, its reverse putting back the database's.
 * A new default character set applies to columns added later, not to the existing ones.
 */
final class TableOptionsComparator {

    private static final Pattern OPTION = Pattern.compile(
            "(?i)(ENGINE|(?:DEFAULT\\s+)?(?:CHARSET|CHARACTER\\s+SET)|(?:DEFAULT\\s+)?COLLATE)\\s*=?\\s*([A-Za-z0-9_]+)");

    private TableOptionsComparator() {
    }

    static Optional<Step> compare(Table model, Table reflected, Dialect dialect, int rank) {
        if (model.options() == null) {
            return Optional.empty();
        }
        Map<String, String> wanted = parse(model.options());
        Map<String, String> current = parse(reflected.options() == null ? "" : reflected.options());
        Map<String, String> before = new LinkedHashMap<>();
        wanted.keySet().forEach(key -> before.put(key, current.get(key)));
        boolean same = wanted.entrySet().stream()
                .allMatch(entry -> entry.getValue().equalsIgnoreCase(String.valueOf(current.get(entry.getKey()))));
        if (same || before.containsValue(null)) {
            return Optional.empty();
        }
        String prefix = "ALTER TABLE " + dialect.quoteIfNeeded(model.name()) + " ";
        String description = "Detected table options change on '" + model.name() + "' from " + render(before) + " to "
                + render(wanted);
        return Optional.of(new Step(new ExecuteSql(model.name(), prefix + render(wanted), prefix + render(before)),
                Phase.ALTER_COLUMN, rank, List.of(description)));
    }

    /** ENGINE, DEFAULT CHARSET and COLLATE, each under its own key whatever spelling the text used. */
    static Map<String, String> parse(String options) {
        Map<String, String> parsed = new LinkedHashMap<>();
        Matcher matcher = OPTION.matcher(options);
        while (matcher.find()) {
            String key = matcher.group(1).toUpperCase(Locale.ROOT);
            key = key.startsWith("ENGINE") ? "ENGINE" : key.contains("COLLATE") ? "COLLATE" : "DEFAULT CHARSET";
            parsed.put(key, matcher.group(2));
        }
        return parsed;
    }

    private static String render(Map<String, String> options) {
        return options.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }
}
