package dev.migrate.script;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MariaDB's and MySQL's scripts as mysqldump writes them: DELIMITER blocks, hash comments, backslash escapes, version comments. */
class MysqlSyntaxSplitterTest {

    private static final String FILE = "db/migrations/ab12_dump.sql";

    private static List<Statement> split(String sql) {
        return SqlSplitter.split(sql, 1, FILE, SqlSyntax.MYSQL);
    }

    @Test
    void delimiterBlocksEndAtTheirDelimiterAndAreNotStatementsThemselves() {
        String sql = """
                CREATE TABLE `t` (`id` int NOT NULL, `n` int);
                DELIMITER ;;
                /*!50003 CREATE*/ /*!50003 TRIGGER `t_bi` BEFORE INSERT ON `t` FOR EACH ROW BEGIN
                  IF NEW.n IS NULL THEN SET NEW.n = 0; END IF;
                  SET NEW.id = NEW.id + 0;
                END */;;
                DELIMITER ;
                INSERT INTO `t` VALUES (1, 2);
                """;
        assertThat(split(sql)).extracting(Statement::line).containsExactly(1, 3, 8);
        assertThat(split(sql).get(1).sql()).startsWith("/*!50003 CREATE*/").endsWith("END */")
                .contains("SET NEW.n = 0; END IF;");
    }

    @Test
    void hashStartsACommentAndBackslashEscapesAQuote() {
        assertThat(split("# a comment; still\nINSERT INTO t VALUES ('it\\'s; fine', \"x\\\"y\"); # trailing\nSELECT 1;"))
                .extracting(Statement::sql)
                .containsExactly("INSERT INTO t VALUES ('it\\'s; fine', \"x\\\"y\")", "SELECT 1");
    }

    @Test
    void versionCommentsAreStatements() {
        assertThat(split("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n/* plain; comment */\n"
                + "/*!40103 SET TIME_ZONE='+00:00' */;")).extracting(Statement::sql)
                .containsExactly("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */",
                        "/*!40103 SET TIME_ZONE='+00:00' */");
    }

    @Test
    void standardSyntaxKeepsHashAndBackslashesAsTheyAre() {
        // PostgreSQL: # is an operator, and a backslash in a standard string is an ordinary character.
        assertThat(SqlSplitter.split("SELECT 5 # 3;\nSELECT 'a\\';", 1, FILE)).extracting(Statement::sql)
                .containsExactly("SELECT 5 # 3", "SELECT 'a\\'");
    }

    @Test
    void aDelimiterLineWithoutADelimiterIsOneClearLine() {
        assertThatThrownBy(() -> split("SELECT 1;\nDELIMITER\t\nSELECT 2;"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining(FILE + ":2").hasMessageContaining("DELIMITER needs one delimiter");
    }
}
