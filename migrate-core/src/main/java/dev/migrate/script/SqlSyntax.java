package dev.migrate.script;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The lexical rules a database adds to standard SQL, for {@link SqlSplitter}: MariaDB and MySQL take {@code #} as
 * a line comment, a backslash as an escape inside {@code '...'} and {@code "..."}, and {@code "..."} as a string
 * (PostgreSQL's {@code #} is an operator, its strings keep backslashes as they are, its {@code "..."} is a name).
 * {@code DELIMITER} lines are read whatever the syntax.
 *
 * <p>MariaDB's and MySQL's rules depend on the session's {@code sql_mode} ({@link #mysql(String)}): with
 * {@code NO_BACKSLASH_ESCAPES} a backslash is an ordinary character, with {@code ANSI_QUOTES} (also part of
 * {@code ANSI}, {@code ORACLE}, ...) {@code "..."} is an identifier. Such a syntax {@link #followsSqlMode() follows}
 * the script's own {@code SET sql_mode} statements for the rest of the section, as the server does.
 */
public record SqlSyntax(boolean hashComments, boolean backslashEscapes, boolean doubleQuotedStrings,
                        boolean followsSqlMode) {

    /** The modes that include ANSI_QUOTES (MySQL's and MariaDB's combination modes list it when set; older ones do not). */
    private static final Set<String> ANSI_QUOTES_MODES = Set.of("ANSI_QUOTES", "ANSI", "ORACLE", "DB2", "MAXDB", "MSSQL",
            "POSTGRESQL");

    public static final SqlSyntax STANDARD = new SqlSyntax(false, false);
    /** MariaDB's and MySQL's default mode: backslash escapes, double-quoted strings. */
    public static final SqlSyntax MYSQL = mysql("");

    /** A database's rules without an SQL mode: double quotes are strings exactly where backslashes escape. */
    public SqlSyntax(boolean hashComments, boolean backslashEscapes) {
        this(hashComments, backslashEscapes, backslashEscapes, false);
    }

    /** A database's rules under {@code sqlMode} where it has one (MySQL's), else as they are ({@code sqlMode} null). */
    public static SqlSyntax of(boolean hashComments, boolean backslashEscapes, String sqlMode) {
        SqlSyntax syntax = new SqlSyntax(hashComments, backslashEscapes);
        return sqlMode == null ? syntax : syntax.withSqlMode(sqlMode);
    }

    /** MariaDB's and MySQL's rules under {@code sqlMode} (comma-separated, as {@code @@sql_mode} reads). */
    public static SqlSyntax mysql(String sqlMode) {
        return new SqlSyntax(true, true, true, true).withSqlMode(sqlMode);
    }

    /** These rules under MySQL's {@code sqlMode}: backslash escapes and double quotes as the mode says. */
    public SqlSyntax withSqlMode(String sqlMode) {
        Set<String> modes = modes(sqlMode);
        return new SqlSyntax(hashComments, !modes.contains("NO_BACKSLASH_ESCAPES"),
                modes.stream().noneMatch(ANSI_QUOTES_MODES::contains), true);
    }

    static Set<String> modes(String sqlMode) {
        return Arrays.stream(String.valueOf(sqlMode).toUpperCase(Locale.ROOT).split(","))
                .map(String::strip).filter(mode -> !mode.isEmpty()).collect(java.util.stream.Collectors.toSet());
    }
}
