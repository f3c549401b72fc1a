package dev.migrate.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A repeatable script (Flyway's {@code R__} scripts, Alembic's "replaceable objects" recipe): a file named
 * {@code R__<name>.sql} that defines views, functions, procedures or triggers, applied again after the revisions
 * of an upgrade to head whenever its checksum changed. The whole file is one section of SQL: no header, no
 * {@code -- migrate:upgrade}/{@code downgrade} lines; {@code -- migrate:no-transaction} and
 * {@code -- migrate:statement-begin/-end} mean what they mean in revisions. It is not part of the revision graph.
 * Made from its file name alone; the body is read, split and checksummed when asked for.
 */
public final class RepeatableScript {

    /** The file-name prefix that makes a script repeatable. */
    public static final String PREFIX = "R__";

    /** The log table's revision column (VARCHAR(32)) holds the name. */
    public static final int MAX_NAME_LENGTH = 32;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final ScriptResource resource;
    private final String name;
    private final Object lock = new Object();
    private Text text; // guarded by lock
    private Split split; // guarded by lock

    private RepeatableScript(ScriptResource resource, String name) {
        this.resource = resource;
        this.name = name;
    }

    /** Whether a file of this name is a repeatable script rather than a revision. */
    public static boolean isRepeatable(String fileName) {
        return fileName.startsWith(PREFIX) && fileName.endsWith(DirectoryScriptSource.EXTENSION);
    }

    /** The repeatable script of {@code resource}, its name checked; reads nothing. */
    public static RepeatableScript of(ScriptResource resource) {
        String fileName = resource.fileName();
        String name = fileName.substring(PREFIX.length(), fileName.length() - DirectoryScriptSource.EXTENSION.length());
        if (!NAME.matcher(name).matches()) {
            throw new ScriptException(resource.location() + ": the name of a repeatable script (after " + PREFIX
                    + ") may hold only letters, digits, '_', '.' and '-', and must not be empty; rename the file");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new ScriptException(resource.location() + ": the name \"" + name + "\" is longer than "
                    + MAX_NAME_LENGTH + " characters, which the log table cannot hold; rename the file");
        }
        return new RepeatableScript(resource, name);
    }

    /** The file name without {@code R__} and {@code .sql}: what the log records and the order they run in. */
    public String name() {
        return name;
    }

    public String location() {
        return resource.location();
    }

    /** The file's first line when it is a comment (its description), else its name. */
    public String message() {
        return text().message();
    }

    /** False when the script says {@code -- migrate:no-transaction}. */
    public boolean transactional() {
        return text().transactional();
    }

    /** The checksum of the file as written (before placeholders are replaced), as for revisions. */
    public String checksum() {
        // a matching index was written from these very bytes: deciding what is due at a start reads no script
        return resource.indexed() != null ? resource.indexed().checksum() : text().checksum();
    }

    /**
     * The statements, split by {@code syntax}'s rules after {@code arguments} replaced the placeholders; the
     * last split is kept, so that reading every script before a run and running it split the file once.
     */
    public List<Statement> statements(SqlSyntax syntax, MigrationArguments arguments) {
        synchronized (lock) {
            if (split == null || !split.syntax().equals(syntax) || !split.arguments().equals(arguments)) {
                split = text().split(location(), syntax, arguments);
            }
            return split.statements();
        }
    }

    private Text text() {
        synchronized (lock) {
            if (text == null) {
                text = Text.read(resource, name);
            }
            return text;
        }
    }

    @Override
    public String toString() {
        return "RepeatableScript[" + name + " at " + location() + "]";
    }

    /** The file as written: what the checksum covers, with the no-transaction lines blanked out of the SQL. */
    private record Text(String message, boolean transactional, String checksum, List<String> sql) {

        static Text read(ScriptResource resource, String name) {
            String location = resource.location();
            List<String> lines = Utf8LineReader.readAll(resource);
            boolean transactional = true;
            List<String> sql = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                Optional<Directive> directive = Directive.of(line, location, i + 1);
                if (directive.isPresent() && directive.get() == Directive.NO_TRANSACTION) {
                    transactional = false;
                    sql.add(""); // a blank line in its place: the statements keep the file's line numbers
                    continue;
                }
                if (directive.isPresent() && directive.get() != Directive.STATEMENT_BEGIN
                        && directive.get() != Directive.STATEMENT_END) {
                    throw ScriptException.at(location, i + 1, directive.get().text() + " has no meaning in a repeatable "
                            + "script, which is applied whole each time it changes; remove the line");
                }
                sql.add(line);
            }
            return new Text(message(lines, name), transactional, Checksum.ofLines(lines), List.copyOf(sql));
        }

        Split split(String location, SqlSyntax syntax, MigrationArguments arguments) {
            List<String> substituted = new ArrayList<>(sql.size());
            for (int i = 0; i < sql.size(); i++) {
                substituted.add(arguments.substitute(sql.get(i), location, i + 1));
            }
            return new Split(SqlSplitter.split(String.join("\n", substituted), 1, location, syntax), syntax, arguments);
        }

        private static String message(List<String> lines, String name) {
            if (!lines.isEmpty()) {
                String first = lines.get(0).strip();
                String comment = first.startsWith("--") ? first.substring(2).strip() : "";
                if (!comment.isEmpty() && !comment.regionMatches(true, 0, Directive.PREFIX, 0, Directive.PREFIX.length())) {
                    return comment;
                }
            }
            return name;
        }
    }

    private record Split(List<Statement> statements, SqlSyntax syntax, MigrationArguments arguments) {
    }
}
