package dev.migrate.script;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a header: comment lines down to {@code -- migrate:upgrade}, and not one line further, so that
 * loading thousands of scripts reads only their heads. The first comment line is the message, then
 * {@code Key: value} lines as in Alembic's docstring. Anything else above the upgrade line (SQL, a
 * misplaced section marker) is an error, since it would otherwise be silently skipped.
 */
final class HeaderParser {

    /** Lines from wherever they come: a file being read, or text in memory. */
    @FunctionalInterface
    interface Lines {
        /** The next line, or null at the end. */
        String next() throws IOException;
    }

    static final String REVISION_ID = "Revision ID";
    static final String REVISES = "Revises";
    static final String CREATE_DATE = "Create Date";
    static final String BRANCH_LABELS = "Branch Labels";
    static final String DEPENDS_ON = "Depends On";

    private static final List<String> KEYS = List.of(REVISION_ID, REVISES, CREATE_DATE, BRANCH_LABELS, DEPENDS_ON);

    private HeaderParser() {
    }

    static ScriptHeader parse(Lines lines, String location) throws IOException {
        String message = null;
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        boolean transactional = true;
        boolean foreignKeysOff = false;
        boolean anyText = false;
        int number = 0;
        String line;
        while ((line = lines.next()) != null) {
            number++;
            anyText |= !line.isBlank();
            var directive = Directive.of(line, location, number);
            if (directive.isPresent()) {
                switch (directive.get()) {
                    case UPGRADE -> {
                        return header(message, values, keyLines, transactional, foreignKeysOff, number, location);
                    }
                    case NO_TRANSACTION -> transactional = false;
                    case FOREIGN_KEYS_OFF -> foreignKeysOff = true;
                    default -> throw ScriptException.at(location, number, directive.get().text() + " before "
                            + Directive.UPGRADE.text() + "; the upgrade section comes first");
                }
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.startsWith("--")) {
                throw ScriptException.at(location, number, "SQL above " + Directive.UPGRADE.text()
                        + " would never run; move it below that line, or make it a -- comment");
            }
            String comment = trimmed.substring(2).strip();
            String key = key(comment);
            if (key != null) {
                if (values.containsKey(key)) {
                    throw ScriptException.at(location, number, "\"" + key + ":\" appears twice in the header (first on line "
                            + keyLines.get(key) + "); keep one");
                }
                values.put(key, comment.substring(comment.indexOf(':') + 1).strip());
                keyLines.put(key, number);
            } else if (message == null && values.isEmpty() && !comment.isEmpty()) {
                message = comment;
            }
        }
        if (!anyText) {
            throw ScriptException.at(location, 1, "empty file; a script needs a header with \"-- Revision ID: <id>\" and a "
                    + Directive.UPGRADE.text() + " section (\"db revision\" writes one)");
        }
        throw ScriptException.at(location, number, "no " + Directive.UPGRADE.text()
                + " line; add it between the header and the upgrade SQL");
    }

    private static ScriptHeader header(String message, Map<String, String> values, Map<String, Integer> keyLines,
                                       boolean transactional, boolean foreignKeysOff, int upgradeLine,
                                       String location) {
        String id = values.get(REVISION_ID);
        if (id == null || id.isEmpty()) {
            throw ScriptException.at(location, keyLines.getOrDefault(REVISION_ID, 1),
                    "no Revision ID in the header; add \"-- Revision ID: <id>\" above " + Directive.UPGRADE.text());
        }
        RevisionIds.problem(id).ifPresent(reason -> {
            throw ScriptException.at(location, keyLines.get(REVISION_ID), reason);
        });
        String createDate = values.get(CREATE_DATE);
        return new ScriptHeader(
                message,
                id,
                list(values.get(REVISES)),
                createDate == null || createDate.isEmpty() ? null : createDate,
                list(values.get(BRANCH_LABELS)),
                list(values.get(DEPENDS_ON)),
                transactional,
                foreignKeysOff,
                keyLines.get(REVISION_ID),
                keyLines.getOrDefault(REVISES, keyLines.get(REVISION_ID)),
                keyLines.getOrDefault(DEPENDS_ON, keyLines.get(REVISION_ID)),
                upgradeLine);
    }

    /** The header key a comment starts with, in its canonical spelling, or null. */
    private static String key(String comment) {
        int colon = comment.indexOf(':');
        if (colon < 0) {
            return null;
        }
        int end = colon;
        while (end > 0 && Character.isWhitespace(comment.charAt(end - 1))) {
            end--;
        }
        for (String key : KEYS) {
            // keys are matched case-insensitively without building lower-cased copies of every comment line
            if (key.length() == end && comment.regionMatches(true, 0, key, 0, end)) {
                return key;
            }
        }
        return null;
    }

    /** A comma-separated value; spaces around items and empty items are ignored. */
    static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        return items;
    }
}
