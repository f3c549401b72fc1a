package dev.migrate.script;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A script read in full: its sections split into statements, and its checksum. Made only when a script is
 * about to run or be shown, never while loading.
 *
 * @param hasDowngradeSection whether the file has a {@code -- migrate:downgrade} line at all
 */
record ScriptBody(List<Statement> upgrade, List<Statement> downgrade, boolean hasDowngradeSection, String checksum,
                  SqlSyntax syntax, MigrationArguments arguments) {

    ScriptBody {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
    }

    /**
     * Reads and splits the file. Placeholders are replaced in the sections before splitting; the checksum is of
     * the file as written, before substitution (as Flyway's): a value that differs between environments, or a
     * rotated password, must not make applied scripts look edited.
     */
    static ScriptBody read(ScriptResource resource, ScriptHeader loaded, SqlSyntax syntax,
                           MigrationArguments arguments) {
        String location = resource.location();
        List<String> lines = Utf8LineReader.readAll(resource);
        ScriptHeader header = reparse(lines, location);
        if (!header.revisionId().equals(loaded.revisionId())) {
            throw ScriptException.at(location, header.revisionLine(), "Revision ID changed from " + loaded.revisionId()
                    + " to " + header.revisionId() + " since the scripts were loaded; run the command again");
        }
        int upgradeStart = header.upgradeLine(); // 0-based index of the line after the marker
        int downgradeMarker = downgradeMarker(lines, upgradeStart, location);
        int upgradeEnd = downgradeMarker < 0 ? lines.size() : downgradeMarker;
        List<String> substituted = substitute(lines, upgradeStart, arguments, location);
        List<Statement> upgrade = SqlSplitter.split(join(substituted, upgradeStart, upgradeEnd), upgradeStart + 1,
                location, syntax);
        List<Statement> downgrade = downgradeMarker < 0
                ? List.of()
                : SqlSplitter.split(join(substituted, downgradeMarker + 1, lines.size()), downgradeMarker + 2, location,
                        syntax);
        return new ScriptBody(upgrade, downgrade, downgradeMarker >= 0, Checksum.ofLines(lines), syntax, arguments);
    }

    /** The lines with the placeholders of the sections (from {@code from}, 0-based) replaced; the header as it is. */
    private static List<String> substitute(List<String> lines, int from, MigrationArguments arguments, String location) {
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            out.add(i < from ? lines.get(i) : arguments.substitute(lines.get(i), location, i + 1));
        }
        return out;
    }

    private static ScriptHeader reparse(List<String> lines, String location) {
        Iterator<String> it = lines.iterator();
        try {
            return HeaderParser.parse(() -> it.hasNext() ? it.next() : null, location);
        } catch (IOException e) {
            throw new IllegalStateException("lines in memory cannot fail to read", e);
        }
    }

    /** The 0-based index of the downgrade line, or -1; a second section marker is an error. */
    private static int downgradeMarker(List<String> lines, int from, String location) {
        int found = -1;
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).stripLeading().startsWith("--")) {
                continue;
            }
            var directive = Directive.of(lines.get(i), location, i + 1);
            if (directive.isEmpty()) {
                continue;
            }
            if (directive.get() == Directive.UPGRADE || (directive.get() == Directive.DOWNGRADE && found >= 0)) {
                throw ScriptException.at(location, i + 1, "a second " + directive.get().text()
                        + " line; a script has one upgrade section, then one downgrade section");
            }
            if (directive.get() == Directive.DOWNGRADE) {
                found = i;
            }
        }
        return found;
    }

    private static String join(List<String> lines, int from, int to) {
        return String.join("\n", lines.subList(from, Math.max(from, to)));
    }
}
