package dev.migrate.shell;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Before a downgrade at the interactive prompt: does it drop tables? Answered without running anything,
 * from the offline SQL of the plan ({@code downgradeSql("<current>:<target>")}), looking for
 * {@code DROP TABLE} statements. When the SQL cannot be rendered because the plan holds a Java migration,
 * (or the dialect is unknown: offline SQL does not connect to find it) nobody can tell, so the question is asked
 * anyway; any other failure (an unknown target, say, or a branch target seen from another branch's head) says
 * nothing about that head and is left to the downgrade itself, which reports what is wrong.
 */
final class DowngradeCheck {

    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern DROP_TABLE = Pattern.compile(
            "\\bDROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?([^;]+)", Pattern.CASE_INSENSITIVE);

    private final Migrate migrate;

    DowngradeCheck(Migrate migrate) {
        this.migrate = migrate;
    }

    /** Asks when the downgrade to {@code target} drops tables; true when it may go ahead. */
    boolean confirmed(String target, DbConsole console) {
        List<String> heads = migrate.current(false).currentHeads();
        if (heads.isEmpty()) {
            return true;
        }
        Set<String> dropped = new LinkedHashSet<>();
        for (String head : heads) {
            try {
                dropped.addAll(droppedTables(migrate.downgradeSql(head + ":" + target)));
            } catch (MigrateException e) {
                if (e.getMessage() != null && e.getMessage().contains("Java migration")) {
                    return console.confirm("This downgrade runs a Java migration, which may drop tables or data. Continue?");
                }
                if (e.getMessage() != null && e.getMessage().contains("migrate.dialect")) {
                    // the SQL is rendered without connecting, which needs the dialect; unknown, nobody can tell
                    return console.confirm("This downgrade may drop tables or data (set migrate.dialect to have them"
                            + " named here). Continue?");
                }
                // The target need not apply from every head (feature@-1 from another branch's head):
                // that head undoes nothing, the others still count.
                continue;
            }
        }
        if (dropped.isEmpty()) {
            return true;
        }
        return console.confirm("This downgrade drops " + (dropped.size() == 1 ? "table " : "tables ")
                + String.join(", ", dropped) + " and the data in " + (dropped.size() == 1 ? "it" : "them") + ". Continue?");
    }

    /** The tables the {@code DROP TABLE} statements of an SQL text name, in order, without duplicates. */
    static List<String> droppedTables(String sql) {
        String code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(sql).replaceAll(" ")).replaceAll(" ");
        Set<String> tables = new LinkedHashSet<>();
        Matcher matcher = DROP_TABLE.matcher(code);
        while (matcher.find()) {
            for (String name : matcher.group(1).split(",")) {
                String table = name.trim().replaceAll("(?i)\\s+(CASCADE|RESTRICT)$", "").trim();
                if (!table.isEmpty()) {
                    tables.add(table);
                }
            }
        }
        return new ArrayList<>(tables);
    }
}
