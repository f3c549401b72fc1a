package dev.migrate.script;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlSplitterTest {

    private static final String FILE = "db/migrations/ab12_x.sql";

    private static List<Statement> split(String sql) {
        return SqlSplitter.split(sql, 1, FILE);
    }

    private static List<String> texts(String sql) {
        return split(sql).stream().map(Statement::sql).toList();
    }

    @Test
    void splitsOnSemicolonsAndKeepsTheStartLine() {
        assertThat(SqlSplitter.split("CREATE TABLE a (x INT);\n\nINSERT INTO a VALUES (1);\n", 10, FILE))
                .containsExactly(new Statement("CREATE TABLE a (x INT)", 10), new Statement("INSERT INTO a VALUES (1)", 12));
    }

    @Test
    void aLastStatementNeedsNoSemicolon() {
        assertThat(texts("SELECT 1;\nSELECT 2\n")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void dropsEmptyStatementsAndCommentOnlyLeftovers() {
        assertThat(split(";;\n-- nothing here;\n/* nor; here */\n;")).isEmpty();
    }

    @Test
    void leadingCommentsAreNotPartOfTheStatementButInnerOnesAre() {
        assertThat(split("-- make a table; really\nCREATE TABLE a (\n  x INT -- the x; column\n);"))
                .containsExactly(new Statement("CREATE TABLE a (\n  x INT -- the x; column\n)", 2));
    }

    @Test
    void semicolonsInsideStringsIdentifiersAndCommentsDoNotSplit() {
        assertThat(texts("""
                INSERT INTO t VALUES ('a;b', 'it''s; fine');
                SELECT "odd;name", `back;tick` FROM t /* a; b */;
                """)).containsExactly(
                "INSERT INTO t VALUES ('a;b', 'it''s; fine')",
                "SELECT \"odd;name\", `back;tick` FROM t /* a; b */");
    }

    @Test
    void escapeStringsHonourBackslashes() {
        assertThat(texts("SELECT E'it\\'s; \\\\';\nSELECT 'a\\';\n"))
                .containsExactly("SELECT E'it\\'s; \\\\'", "SELECT 'a\\'");
    }

    @Test
    void postgresFunctionsWithDollarQuotes() {
        String sql = """
                CREATE FUNCTION add_one(i integer) RETURNS integer AS $$
                BEGIN
                    RETURN i + 1;
                END;
                $$ LANGUAGE plpgsql;
                CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $fn$
                BEGIN
                    NEW.updated := now(); -- a comment with a $$ in it
                    RETURN NEW;
                END;
                $fn$ LANGUAGE plpgsql;
                SELECT add_one($1);
                """;
        List<Statement> statements = split(sql);
        assertThat(statements).extracting(Statement::line).containsExactly(1, 6, 12);
        assertThat(statements.get(0).sql()).endsWith("$$ LANGUAGE plpgsql").contains("RETURN i + 1;");
        assertThat(statements.get(1).sql()).startsWith("CREATE OR REPLACE FUNCTION touch()").endsWith("$fn$ LANGUAGE plpgsql");
        assertThat(statements.get(2).sql()).isEqualTo("SELECT add_one($1)");
    }

    @Test
    void aDoBlockIsOneStatement() {
        assertThat(texts("""
                DO $$
                DECLARE n int;
                BEGIN
                    SELECT count(*) INTO n FROM t;
                    IF n = 0 THEN RAISE NOTICE 'empty;'; END IF;
                END
                $$;
                SELECT 1;
                """)).hasSize(2).last().isEqualTo("SELECT 1");
    }

    @Test
    void identifiersWithDollarSignsAreNotDollarQuotes() {
        assertThat(texts("SELECT a$b$ FROM t; SELECT 2")).containsExactly("SELECT a$b$ FROM t", "SELECT 2");
    }

    @Test
    void theSeedsFtsTriggersSplitIntoOneStatementEach() {
        String sql = """
                CREATE TRIGGER article_ai AFTER INSERT ON article BEGIN
                  INSERT INTO article_search(rowid, title, content) VALUES (new.article_id, new.title, new.content);
                END;
                CREATE TRIGGER article_ad AFTER DELETE ON article BEGIN
                  INSERT INTO article_search(article_search, rowid, title, content) VALUES('delete', old.article_id, old.title, old.content);
                END;
                CREATE TRIGGER article_au AFTER UPDATE ON article BEGIN
                  INSERT INTO article_search(article_search, rowid, title, content) VALUES('delete', old.article_id, old.title, old.content);
                  INSERT INTO article_search(rowid, title, content) VALUES (new.article_id, new.title, new.content);
                END;
                INSERT INTO article_search(article_search) VALUES('rebuild');
                """;
        List<Statement> statements = split(sql);
        assertThat(statements).extracting(Statement::line).containsExactly(1, 4, 7, 11);
        assertThat(statements.get(2).sql()).startsWith("CREATE TRIGGER article_au").endsWith("new.content);\nEND");
        assertThat(statements.get(3).sql()).isEqualTo("INSERT INTO article_search(article_search) VALUES('rebuild')");
    }

    @Test
    void caseInsideATriggerBodyDoesNotEndIt() {
        String sql = """
                CREATE TEMP TRIGGER article_au AFTER UPDATE ON article BEGIN
                  UPDATE article SET status = CASE WHEN new.title IS NULL THEN 'draft' ELSE 'ready' END
                    WHERE article_id = new.article_id;
                  INSERT INTO audit VALUES (CASE new.status WHEN 'x' THEN 1 END);
                END;
                BEGIN;
                COMMIT;
                """;
        assertThat(split(sql)).extracting(Statement::line).containsExactly(1, 6, 7);
        assertThat(texts(sql).get(1)).isEqualTo("BEGIN");
    }

    @Test
    void transactionStatementsOutsideTriggersAreStatements() {
        assertThat(texts("BEGIN;\nCREATE TABLE a (x INT);\nEND;\nBEGIN TRANSACTION; SELECT CASE WHEN 1 THEN 2 END; COMMIT"))
                .containsExactly("BEGIN", "CREATE TABLE a (x INT)", "END", "BEGIN TRANSACTION",
                        "SELECT CASE WHEN 1 THEN 2 END", "COMMIT");
    }

    @Test
    void mysqlStyleEndIfDoesNotCloseTheTriggerBody() {
        assertThat(texts("""
                CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN
                  IF NEW.x < 0 THEN SET NEW.x = 0; END IF;
                END;
                SELECT 1;
                """)).hasSize(2);
    }

    @Test
    void postgresTriggersWithoutBodiesEndAtTheirSemicolon() {
        assertThat(texts("CREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION touch();\nSELECT 1;"))
                .hasSize(2);
    }

    @Test
    void beginAtomicFunctionBodiesAreOneStatement() {
        assertThat(texts("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\nSELECT 3;"))
                .containsExactly("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END", "SELECT 3");
    }

    @Test
    void statementBeginAndEndMakeOneVerbatimStatement() {
        String sql = """
                SELECT 1;
                -- migrate:statement-begin

                CREATE PROCEDURE p() BEGIN SELECT 'unbalanced'; SELECT "x; END;
                -- migrate:statement-end
                SELECT 2;
                """;
        assertThat(split(sql)).containsExactly(
                new Statement("SELECT 1", 1),
                new Statement("CREATE PROCEDURE p() BEGIN SELECT 'unbalanced'; SELECT \"x; END;", 4),
                new Statement("SELECT 2", 6));
    }

    @Test
    void statementBeginInsideAStatementIsAnError() {
        assertThatThrownBy(() -> split("SELECT 1\n-- migrate:statement-begin\nSELECT 2\n-- migrate:statement-end\n"))
                .hasMessage(FILE + ":2: -- migrate:statement-begin inside an unfinished statement (which starts on line 1);"
                        + " end that statement with ; first");
    }

    @Test
    void statementEndWithoutBeginIsAnError() {
        assertThatThrownBy(() -> split("SELECT 1;\n-- migrate:statement-end\n"))
                .hasMessageStartingWith(FILE + ":2: -- migrate:statement-end without");
    }

    @Test
    void unknownDirectivesAreErrors() {
        assertThatThrownBy(() -> split("SELECT 1;\n-- migrate:statement-begins\n"))
                .hasMessageStartingWith(FILE + ":2: unknown directive \"-- migrate:statement-begins\"");
    }

    @Test
    void noTransactionInsideASectionIsAnError() {
        assertThatThrownBy(() -> split("-- migrate:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (x);"))
                .hasMessageStartingWith(FILE + ":1: -- migrate:no-transaction has no effect inside a section");
    }

    @Test
    void unterminatedConstructsNameTheLineTheyOpenOn() {
        assertThat(error("SELECT 1;\n\nSELECT 'abc;\nmore")).isEqualTo(FILE
                + ":3: unterminated string literal ' (opened here); close it with '");
        assertThat(error("SELECT E'abc\\'")).isEqualTo(FILE
                + ":1: unterminated string literal ' (opened here); close it with '");
        assertThat(error("\nSELECT \"abc")).isEqualTo(FILE
                + ":2: unterminated quoted identifier \" (opened here); close it with \"");
        assertThat(error("SELECT `abc")).isEqualTo(FILE
                + ":1: unterminated quoted identifier ` (opened here); close it with `");
        assertThat(error("SELECT 1;\n/* a\nb;")).isEqualTo(FILE
                + ":2: unterminated block comment /* (opened here); close it with */");
    }

    @Test
    void unterminatedDollarQuoteMatchesTheDocumentedMessage() {
        assertThatThrownBy(() -> SqlSplitter.split("SELECT 1;\nCREATE FUNCTION f() AS $body$\nBEGIN\n$$;", 13, FILE))
                .isInstanceOf(ScriptException.class)
                .hasMessage(FILE + ":14: unterminated dollar-quoted string $body$ (opened here); close it with $body$");
    }

    @Test
    void unterminatedTriggerBodyAndVerbatimBlock() {
        assertThat(error("CREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n  SELECT 1;\n")).isEqualTo(FILE
                + ":2: unterminated trigger body BEGIN (opened here); close it with END;");
        assertThat(error("SELECT 1;\n-- migrate:statement-begin\nSELECT 2;\n")).isEqualTo(FILE
                + ":2: unterminated -- migrate:statement-begin block (opened here); close it with -- migrate:statement-end");
    }

    private static String error(String sql) {
        try {
            split(sql);
        } catch (ScriptException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for: " + sql);
    }
}
