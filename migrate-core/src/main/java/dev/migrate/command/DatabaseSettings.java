package dev.migrate.command;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Dialects;
import dev.migrate.dialect.UnsupportedDatabaseException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the configuration says about the database, known without connecting: a dialect name
 * ({@code migrate.dialect}), the JDBC URL, the user, and the SQL mode of the session offline SQL will run in
 * (MySQL's {@code sql_mode}, {@code migrate.sql-mode}). Offline SQL needs nothing more, so it works with the
 * server unreachable, as Alembic's offline mode takes its dialect from the URL. Any of them may be null.
 */
public record DatabaseSettings(String dialectName, String url, String user, String sqlMode) {

    public DatabaseSettings(String dialectName, String url, String user) {
        this(dialectName, url, user, null);
    }

    /** {@code //user:secret@host}: the password part of the user information. */
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/:@?;]*):[^/@?;]*@");
    /** {@code ?password=...}, {@code &sslpassword=...}, {@code ;password=...}. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("([?&;])[\\w.-]*password=[^&;]*",
            Pattern.CASE_INSENSITIVE);

    public static DatabaseSettings unknown() {
        return new DatabaseSettings(null, null, null);
    }

    /**
     * The named dialect, else the one the URL's sub-protocol names. Fails with one line saying what to set when
     * neither tells: the alternative, connecting, is what offline mode promises not to do.
     */
    public Dialect dialect() {
        if (hasText(dialectName)) {
            try {
                return Dialects.named(dialectName.strip());
            } catch (UnsupportedDatabaseException e) {
                throw new MigrateException("migrate.dialect '" + dialectName + "' is not supported: " + e.getMessage(), e);
            }
        }
        if (hasText(url)) {
            return Dialects.forUrl(url).orElseThrow(() -> new MigrateException("Offline SQL cannot tell the database "
                    + "from the URL " + withoutPassword(url) + "; set migrate.dialect to one of "
                    + known() + " (generic for any other database)"));
        }
        throw new MigrateException("Offline SQL does not connect, so it must be told the database: set migrate.dialect"
                + " (" + known() + "), or give the JDBC URL (spring.datasource.url or migrate.url)");
    }

    private static String known() {
        return String.join(", ", Dialects.registered().stream().map(Dialect::name).toList());
    }

    /** The JDBC URL as it may be shown: a password in it, as user information or a parameter, is left out. */
    public static String withoutPassword(String url) {
        String shown = USERINFO_PASSWORD.matcher(url).replaceFirst("$1@");
        Matcher parameters = PASSWORD_PARAMETER.matcher(shown);
        shown = parameters.replaceAll(match -> match.group(1).equals("?") ? "?" : "");
        shown = shown.replace("?&", "?");
        return shown.endsWith("?") ? shown.substring(0, shown.length() - 1) : shown;
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
