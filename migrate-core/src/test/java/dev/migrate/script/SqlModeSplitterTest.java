package dev.migrate.script;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySQL's {@code sql_mode} changes how a script reads: with NO_BACKSLASH_ESCAPES a backslash is an ordinary character
 * ({@code 'C:\'} is a whole string), with ANSI_QUOTES double quotes name identifiers. The lexer starts from the
 * session's mode and follows the {@code SET sql_mode} statements of the script, as the server does.
 */
class SqlModeSplitterTest {

    private static final String FILE = "db/migrations/ab12_paths.sql";

    private static List<String> split(String sql, SqlSyntax syntax) {
        return SqlSplitter.split(sql, 1, FILE, syntax).stream().map(Statement::sql).toList();
    }

    @Test
    void noBackslashEscapesInTheSessionModeMakesABackslashOrdinary() {
        SqlSyntax syntax = SqlSyntax.mysql("STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES");
        assertThat(split("INSERT INTO p VALUES ('C:\\');\nINSERT INTO p VALUES (\"D:\\\");\nSELECT 1;", syntax))
                .containsExactly("INSERT INTO p VALUES ('C:\\')", "INSERT INTO p VALUES (\"D:\\\")", "SELECT 1");
    }

    @Test
    void aSetSqlModeInTheScriptChangesTheRestOfIt() {
        String sql = """
                INSERT INTO p VALUES ('it\\'s; one');
                SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES');
                INSERT INTO p VALUES ('C:\\');
                INSERT INTO p VALUES ('E:\\');
                SET sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '');
                INSERT INTO p VALUES ('again\\'s; one');""";
        assertThat(split(sql, SqlSyntax.mysql("STRICT_TRANS_TABLES"))).containsExactly(
                "INSERT INTO p VALUES ('it\\'s; one')",
                "SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')",
                "INSERT INTO p VALUES ('C:\\')",
                "INSERT INTO p VALUES ('E:\\')",
                "SET sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '')",
                "INSERT INTO p VALUES ('again\\'s; one')");
    }

    @Test
    void mysqldumpsSavedModeIsPutBack() {
        // mysqldump's header sets a mode without NO_BACKSLASH_ESCAPES and its footer restores the saved one.
        String sql = """
                /*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
                INSERT INTO p VALUES ('it\\'s; one');
                /*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
                INSERT INTO p VALUES ('C:\\');""";
        assertThat(split(sql, SqlSyntax.mysql("NO_BACKSLASH_ESCAPES"))).containsExactly(
                "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */",
                "INSERT INTO p VALUES ('it\\'s; one')",
                "/*!40101 SET SQL_MODE=@OLD_SQL_MODE */",
                "INSERT INTO p VALUES ('C:\\')");
    }

    @Test
    void theGlobalModeSetByAScriptDoesNotChangeThisSession() {
        assertThat(split("SET GLOBAL sql_mode = 'NO_BACKSLASH_ESCAPES';\nINSERT INTO p VALUES ('it\\'s; one');",
                SqlSyntax.mysql(""))).containsExactly("SET GLOBAL sql_mode = 'NO_BACKSLASH_ESCAPES'",
                "INSERT INTO p VALUES ('it\\'s; one')");
    }

    @Test
    void ansiQuotesMakeDoubleQuotesIdentifiers() {
        // An identifier may end in a backslash; in a string the backslash would escape the quote.
        assertThat(split("SET sql_mode = 'ANSI';\nCREATE TABLE \"odd\\\" (id INT);\nSELECT 1;", SqlSyntax.mysql("")))
                .containsExactly("SET sql_mode = 'ANSI'", "CREATE TABLE \"odd\\\" (id INT)", "SELECT 1");
    }

    @Test
    void otherDatabasesDoNotFollowSetStatements() {
        // PostgreSQL has no sql_mode: a SET of that name is just a statement, backslashes stay ordinary.
        assertThat(split("SET sql_mode = 'x';\nSELECT 'a\\';", SqlSyntax.STANDARD))
                .containsExactly("SET sql_mode = 'x'", "SELECT 'a\\'");
    }
}
