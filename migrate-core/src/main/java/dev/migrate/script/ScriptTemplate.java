package dev.migrate.script;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text new scripts are made from ({@code script.sql.tmpl}, the analogue of Alembic's
 * {@code script.py.mako}), with {@code ${name}} variables. Only {@code ${identifier}} is a variable, so
 * PostgreSQL's {@code $$} and {@code $tag$} can be written in a template as they are. An unknown
 * variable is an error rather than text left in every new script.
 */
public record ScriptTemplate(String text, String location) {

    public static final String MESSAGE = "message";
    public static final String REVISION = "revision";
    public static final String DOWN_REVISION = "down_revision";
    public static final String CREATE_DATE = "create_date";
    public static final String BRANCH_LABELS = "branch_labels";
    public static final String DEPENDS_ON = "depends_on";
    public static final String UPGRADES = "upgrades";
    public static final String DOWNGRADES = "downgrades";

    public static final Set<String> VARIABLES = Set.of(
            MESSAGE, REVISION, DOWN_REVISION, CREATE_DATE, BRANCH_LABELS, DEPENDS_ON, UPGRADES, DOWNGRADES);

    /** The template {@code db init} writes, and the one used when a directory has none. */
    public static final String DEFAULT_TEXT = """
            -- ${message}
            --
            -- Revision ID: ${revision}
            -- Revises: ${down_revision}
            -- Create Date: ${create_date}
            -- Branch Labels: ${branch_labels}
            -- Depends On: ${depends_on}

            -- migrate:upgrade
            ${upgrades}

            -- migrate:downgrade
            ${downgrades}
            """;

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    public static ScriptTemplate builtIn() {
        return new ScriptTemplate(DEFAULT_TEXT, "built-in template");
    }

    /** Replaces each variable by its value; every variable used must be in {@code values}. */
    public String render(Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.get(name);
            if (value == null) {
                throw ScriptException.at(location, lineOf(matcher.start()), "unknown template variable ${" + name
                        + "}; the variables are " + new TreeSet<>(VARIABLES));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private int lineOf(int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
