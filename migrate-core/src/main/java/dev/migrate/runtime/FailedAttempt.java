package dev.migrate.runtime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A revision whose latest run failed and that has not run successfully since, read from the log: where it
 * failed, when, and whether part of it may be applied (it ran without a transaction, so the statements
 * before the failing one stayed).
 *
 * @param line 1-based line of the failing statement in its script, 0 when not known (Java migrations)
 */
public record FailedAttempt(String revision, String direction, int line, Instant failedAt, boolean partlyApplied,
                            String error) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String NO_TRANSACTION = "(no transaction)";
    /** The prefix {@link #errorText} writes in the log's error column: {@code line 12 (no transaction): }. */
    private static final Pattern PREFIX = Pattern.compile("^(?:line (\\d+))? ?(\\(no transaction\\))?: ");

    /** The one line front ends show: {@code revision X failed at line N on <date>; part of it may be applied}. */
    public String describe() {
        String what = direction.equals(LogEntry.REPEATABLE) ? "repeatable script " + revision
                : (direction.equals("downgrade") ? "downgrade of " : "") + "revision " + revision;
        return what + " failed"
                + (line > 0 ? " at line " + line : "") + " on " + DATE.format(failedAt)
                + (partlyApplied ? "; part of it may be applied" : "");
    }

    /** The log's error text for a failure: where it failed, whether outside a transaction, the database's error. */
    static String errorText(int line, boolean transactional, String databaseError) {
        String where = (line > 0 ? "line " + line : "") + (transactional ? "" : (line > 0 ? " " : "") + NO_TRANSACTION);
        return where.isEmpty() ? databaseError : where + ": " + databaseError;
    }

    /**
     * The revisions (and repeatable scripts) whose latest log row is a failure, oldest failure first. A repeatable
     * script's rows are its own, whatever revision id its name might equal.
     */
    public static List<FailedAttempt> unresolved(List<LogEntry> log) {
        Map<String, LogEntry> latest = new LinkedHashMap<>();
        for (LogEntry entry : log) {
            String key = (entry.repeatable() ? "R:" : "V:") + entry.revision();
            latest.remove(key);
            latest.put(key, entry);
        }
        List<FailedAttempt> failed = new ArrayList<>();
        for (LogEntry entry : latest.values()) {
            if (!entry.success()) {
                failed.add(of(entry));
            }
        }
        return failed;
    }

    static FailedAttempt of(LogEntry entry) {
        String error = entry.error() == null ? "" : entry.error();
        Matcher prefix = PREFIX.matcher(error);
        if (prefix.find() && (prefix.group(1) != null || prefix.group(2) != null)) {
            return new FailedAttempt(entry.revision(), entry.direction(),
                    prefix.group(1) == null ? 0 : Integer.parseInt(prefix.group(1)), entry.startedAt(),
                    prefix.group(2) != null, error.substring(prefix.end()));
        }
        return new FailedAttempt(entry.revision(), entry.direction(), 0, entry.startedAt(), false, error);
    }
}
