package dev.migrate.script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the {@code SET} statements of a MariaDB/MySQL script that change this session's {@code sql_mode}, so that
 * {@link SqlSplitter} reads the rest of the section as the server will: a literal mode ({@code sql_mode = 'ANSI'}),
 * {@code CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')}, {@code REPLACE(@@sql_mode, 'X', '')}, {@code DEFAULT} (taken
 * as the mode the section started with), and mysqldump's {@code SET @OLD_SQL_MODE=@@SQL_MODE} ... {@code SET
 * SQL_MODE=@OLD_SQL_MODE}. {@code SET GLOBAL} does not change the session. An expression it cannot evaluate leaves
 * the mode as it was.
 */
final class SqlModeTracker {

    private static final Pattern VERSION_COMMENT = Pattern.compile("^/\\*!\\d*\\s*(.*?)\\s*\\*/$", Pattern.DOTALL);
    private static final Pattern SET = Pattern.compile("^SET\\s+(.*)$", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern SESSION_SQL_MODE = Pattern.compile(
            "^(?:(?:SESSION|LOCAL)\\s+)?(?:@@(?:SESSION\\.|LOCAL\\.)?)?SQL_MODE$", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_VARIABLE = Pattern.compile("^@\\w+$");
    private static final Pattern CURRENT_MODE = Pattern.compile("@@(?:SESSION\\.|LOCAL\\.)?SQL_MODE",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|''|\\\\.)*)'");
    private static final Pattern REPLACE = Pattern.compile("^REPLACE\\s*\\(\\s*@@(?:SESSION\\.|LOCAL\\.)?SQL_MODE\\s*,\\s*'([^']*)'\\s*,\\s*''\\s*\\)$",
            Pattern.CASE_INSENSITIVE);

    private final String initial;
    private String mode;
    private final Map<String, String> saved = new HashMap<>();

    SqlModeTracker(String mode) {
        this.initial = mode;
        this.mode = mode;
    }

    String mode() {
        return mode;
    }

    /** Reads one statement; the new mode when it changed this session's {@code sql_mode}. */
    Optional<String> read(String statement) {
        String sql = statement.strip();
        Matcher version = VERSION_COMMENT.matcher(sql);
        if (version.matches()) {
            sql = version.group(1);
        }
        Matcher set = SET.matcher(sql);
        if (!set.matches()) {
            return Optional.empty();
        }
        String before = mode;
        for (String assignment : topLevel(set.group(1))) {
            int equals = assignment.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String target = assignment.substring(0, equals).replaceAll(":$", "").strip();
            String value = assignment.substring(equals + 1).strip();
            if (USER_VARIABLE.matcher(target).matches() && CURRENT_MODE.matcher(value).matches()) {
                saved.put(target.toUpperCase(Locale.ROOT), mode);
            } else if (SESSION_SQL_MODE.matcher(target.replaceAll("\\s+", " ")).matches()) {
                evaluate(value).ifPresent(newMode -> mode = newMode);
            }
        }
        return mode.equals(before) ? Optional.empty() : Optional.of(mode);
    }

    private Optional<String> evaluate(String value) {
        if (value.equalsIgnoreCase("DEFAULT")) {
            return Optional.of(initial);
        }
        if (USER_VARIABLE.matcher(value).matches()) {
            return Optional.ofNullable(saved.get(value.toUpperCase(Locale.ROOT)));
        }
        Matcher replace = REPLACE.matcher(value);
        if (replace.matches()) {
            Set<String> modes = new LinkedHashSet<>(SqlSyntax.modes(mode));
            modes.remove(replace.group(1).strip().toUpperCase(Locale.ROOT));
            return Optional.of(String.join(",", modes));
        }
        Matcher quoted = QUOTED.matcher(value);
        StringBuilder literals = new StringBuilder();
        while (quoted.find()) {
            literals.append(quoted.group(1));
        }
        if (value.matches("(?s)'.*'")) {
            return Optional.of(literals.toString());
        }
        if (value.toUpperCase(Locale.ROOT).startsWith("CONCAT") && CURRENT_MODE.matcher(value).find()) {
            return Optional.of(mode + "," + literals);
        }
        return Optional.empty();
    }

    /** The comma-separated parts of a SET statement, outside quotes and parentheses. */
    private static List<String> topLevel(String assignments) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int from = 0;
        for (int i = 0; i < assignments.length(); i++) {
            char c = assignments.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(assignments.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(assignments.substring(from));
        return parts;
    }
}
