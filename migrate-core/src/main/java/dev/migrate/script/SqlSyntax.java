package dev.migrate.script;

/**
 * The lexical rules a database adds to standard SQL, for {@link SqlSplitter}: MariaDB and MySQL take {@code #} as
 * a line comment and a backslash as an escape inside {@code '...'} and {@code "..."} (PostgreSQL's {@code #} is an
 * operator, and its strings keep backslashes as they are). {@code DELIMITER} lines are read whatever the syntax.
 */
public record SqlSyntax(boolean hashComments, boolean backslashEscapes) {

    public static final SqlSyntax STANDARD = new SqlSyntax(false, false);
    public static final SqlSyntax MYSQL = new SqlSyntax(true, true);
}
