package dev.migrate.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellWordsTest {

    @Test
    void spacesSeparateAndRunsOfSpacesCountOnce() {
        assertThat(ShellWords.split("  db   upgrade\thead  ")).containsExactly("db", "upgrade", "head");
    }

    @Test
    void emptyAndBlankLinesHaveNoWords() {
        assertThat(ShellWords.split("")).isEmpty();
        assertThat(ShellWords.split("   ")).isEmpty();
    }

    @Test
    void doubleQuotesGroupAndAreRemoved() {
        assertThat(ShellWords.split("db revision -m \"add users table\""))
                .containsExactly("db", "revision", "-m", "add users table");
    }

    @Test
    void singleQuotesGroupAndKeepBackslashes() {
        assertThat(ShellWords.split("-m 'a\\b'")).isEqualTo(List.of("-m", "a\\b"));
        // as in a POSIX shell, a backslash does not escape inside single quotes: 'it\'s' leaves a quote open
        assertThatThrownBy(() -> ShellWords.split("'it\\'s'")).isInstanceOf(DbUsageException.class);
        assertThat(ShellWords.split("-m 'a \"b\" c'")).containsExactly("-m", "a \"b\" c");
    }

    @Test
    void backslashEscapesOutsideQuotesAndInsideDoubleQuotes() {
        assertThat(ShellWords.split("a\\ b")).containsExactly("a b");
        assertThat(ShellWords.split("\"say \\\"hi\\\"\"")).containsExactly("say \"hi\"");
    }

    @Test
    void quotesJoinWithAdjacentText() {
        assertThat(ShellWords.split("--message=\"two words\"")).containsExactly("--message=two words");
        assertThat(ShellWords.split("a\"b c\"d")).containsExactly("ab cd");
    }

    @Test
    void anEmptyQuotedStringIsAWord() {
        assertThat(ShellWords.split("-m \"\"")).containsExactly("-m", "");
    }

    @Test
    void anUnterminatedQuoteIsAUsageError() {
        assertThatThrownBy(() -> ShellWords.split("db revision -m \"oops"))
                .isInstanceOf(DbUsageException.class)
                .hasMessage("Unterminated double quote in: db revision -m \"oops");
        assertThatThrownBy(() -> ShellWords.split("-m 'oops"))
                .isInstanceOf(DbUsageException.class)
                .hasMessage("Unterminated single quote in: -m 'oops");
    }
}
