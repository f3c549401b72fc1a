package dev.migrate.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits one section of a script into statements: a lexer, not a regular expression, because a
 * semicolon ends a statement only outside strings, quoted identifiers, comments, dollar quotes and
 * trigger bodies.
 *
 * <p>What it knows: {@code 'strings'} with {@code ''}, {@code E'strings'} with backslash escapes,
 * {@code "identifiers"} and {@code `identifiers`}, {@code --} and {@code /* *}{@code /} comments,
 * PostgreSQL dollar quotes ({@code $$}, {@code $tag$}; {@code $1} is a parameter), and the
 * {@code BEGIN ... END} bodies of {@code CREATE TRIGGER} (also {@code CREATE FUNCTION/PROCEDURE},
 * for PostgreSQL's {@code BEGIN ATOMIC}), where {@code BEGIN} and {@code CASE} open a level that
 * {@code END} closes. Elsewhere {@code BEGIN} is just a word, so {@code BEGIN;} stays a statement.
 * Lines between {@code -- migrate:statement-begin} and {@code -- migrate:statement-end} are one
 * statement, verbatim.
 *
 * <p>For MariaDB and MySQL ({@link SqlSyntax#mysql}) also {@code #} comments and backslash escapes in strings, as the
 * session's {@code sql_mode} and the script's own {@code SET sql_mode} statements say ({@link SqlModeTracker});
 * and, whatever the syntax, the {@code DELIMITER} lines {@code mysqldump} writes around triggers and routines:
 * after {@code DELIMITER ;;} a statement ends at {@code ;;} and a semicolon is an ordinary character, until
 * {@code DELIMITER ;}. The {@code DELIMITER} line itself is not a statement.
 *
 * <p>Each statement keeps its inner comments and line breaks but not its semicolon, nor the comments and
 * blank lines before it; it carries the file line of its first token. Empty statements are dropped.
 */
public final class SqlSplitter {

    /** Statements whose body may hold semicolons between BEGIN and END. */
    private static final Set<String> BLOCK_OBJECTS = Set.of("TRIGGER", "FUNCTION", "PROCEDURE");

    /** How far into a CREATE statement the object keyword may come: CREATE OR REPLACE TEMP TRIGGER, ... */
    private static final int BLOCK_KEYWORD_WINDOW = 6;

    /** Words after END that close a block that did not open a level (MySQL's END IF, END LOOP, ...). */
    private static final Set<String> END_SUFFIXES_WITHOUT_LEVEL = Set.of("IF", "LOOP", "WHILE", "REPEAT");

    private SqlSplitter() {
    }

    /**
     * @param sql       the section's text, lines separated by {@code \n}
     * @param firstLine the file line of the section's first line
     * @param location  the file, for messages
     */
    public static List<Statement> split(String sql, int firstLine, String location) {
        return split(sql, firstLine, location, SqlSyntax.STANDARD);
    }

    /** As {@link #split(String, int, String)}, with the lexical rules of one database. */
    public static List<Statement> split(String sql, int firstLine, String location, SqlSyntax syntax) {
        return new Run(sql, firstLine, location, syntax).statements();
    }

    /** The state of one pass over one section; used once. */
    private static final class Run {
        private final String text;
        private final String location;
        /** The rules now: a {@code SET sql_mode} in a MariaDB/MySQL script changes them for the statements after it. */
        private SqlSyntax syntax;
        private final SqlModeTracker sqlMode;
        private final List<Statement> statements = new ArrayList<>();
        /** The statement delimiter set by a DELIMITER line; null for the semicolon. */
        private String delimiter;
        private int pos;
        private int line;

        // the statement being read
        private int start = -1;
        private int startLine;
        private int words;
        private boolean startsWithCreate;
        private String blockObject;
        private int depth;
        private int bodyLine;
        private boolean pendingEnd;

        Run(String text, int firstLine, String location, SqlSyntax syntax) {
            this.syntax = syntax;
            this.sqlMode = syntax.followsSqlMode() ? new SqlModeTracker(modeOf(syntax)) : null;
            this.text = text;
            this.line = firstLine;
            this.location = location;
        }

        List<Statement> statements() {
            int n = text.length();
            while (pos < n) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (delimiter != null && text.startsWith(delimiter, pos)) {
                    emit(pos);
                    pos += delimiter.length();
                } else if (start < 0 && atLineStart(pos) && delimiterCommand()) {
                    continue;
                } else if (c == '-' && peek(1) == '-') {
                    lineComment();
                } else if (c == '#' && syntax.hashComments()) {
                    int end = text.indexOf('\n', pos);
                    pos = end < 0 ? text.length() : end;
                } else if (c == '/' && peek(1) == '*') {
                    blockComment();
                } else if (c == ';' && delimiter == null) {
                    semicolon();
                } else {
                    significant(c);
                }
            }
            resolvePendingEnd();
            if (blockObject != null && depth > 0 && delimiter == null) {
                throw unterminated(bodyLine, blockObject.toLowerCase(Locale.ROOT) + " body BEGIN", "END;");
            }
            emit(n);
            return List.copyOf(statements);
        }

        private void significant(char c) {
            markStart();
            if (c == '\'') {
                resolvePendingEnd();
                quoted('\'', "string literal", syntax.backslashEscapes());
            } else if (c == '"') {
                resolvePendingEnd();
                boolean string = syntax.doubleQuotedStrings();
                quoted('"', string ? "string literal" : "quoted identifier", string && syntax.backslashEscapes());
            } else if (c == '`') {
                resolvePendingEnd();
                quoted('`', "quoted identifier", false);
            } else if (c == '$' && dollarTagLength(pos) > 0) {
                resolvePendingEnd();
                dollarQuoted();
            } else if (isWordStart(c)) {
                word();
            } else {
                resolvePendingEnd();
                pos++;
            }
        }

        private void word() {
            int from = pos;
            while (pos < text.length() && isWordPart(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(from, pos).toUpperCase(Locale.ROOT);
            // E'...' is PostgreSQL's escape string: a backslash escapes the next character, quote included.
            if (word.equals("E") && peek(0) == '\'') {
                resolvePendingEnd();
                quoted('\'', "string literal", true);
                return;
            }
            if (pendingEnd) {
                pendingEnd = false;
                if (END_SUFFIXES_WITHOUT_LEVEL.contains(word)) {
                    return;
                }
                closeLevel();
            }
            words++;
            if (words == 1) {
                startsWithCreate = word.equals("CREATE");
            }
            if (startsWithCreate && blockObject == null && words <= BLOCK_KEYWORD_WINDOW
                    && BLOCK_OBJECTS.contains(word)) {
                blockObject = word;
            }
            if (blockObject == null) {
                return;
            }
            switch (word) {
                case "BEGIN", "CASE" -> {
                    if (depth == 0) {
                        bodyLine = line;
                    }
                    depth++;
                }
                case "END" -> pendingEnd = depth > 0;
                default -> {
                }
            }
        }

        /**
         * A {@code DELIMITER x} line at the start of a statement: the delimiter becomes {@code x} ({@code ;} goes back
         * to the semicolon), and the line is skipped. False when the line is something else.
         */
        private boolean delimiterCommand() {
            String keyword = "DELIMITER";
            if (!text.regionMatches(true, pos, keyword, 0, keyword.length())) {
                return false;
            }
            int after = pos + keyword.length();
            if (after >= text.length() || (text.charAt(after) != ' ' && text.charAt(after) != '\t')) {
                return false;
            }
            int end = text.indexOf('\n', after);
            if (end < 0) {
                end = text.length();
            }
            String value = text.substring(after, end).strip();
            if (value.isEmpty() || value.contains(" ")) {
                throw ScriptException.at(location, line, "DELIMITER needs one delimiter (DELIMITER ;; or DELIMITER ;)");
            }
            delimiter = value.equals(";") ? null : value;
            pos = end;
            return true;
        }

        private void resolvePendingEnd() {
            if (pendingEnd) {
                pendingEnd = false;
                closeLevel();
            }
        }

        private void closeLevel() {
            if (depth > 0) {
                depth--;
            }
        }

        private void semicolon() {
            resolvePendingEnd();
            if (blockObject != null && depth > 0) {
                pos++;
                return;
            }
            emit(pos);
            pos++;
        }

        private void markStart() {
            if (start < 0) {
                start = pos;
                startLine = line;
            }
        }

        private void emit(int end) {
            if (start >= 0) {
                String sql = text.substring(start, end).stripTrailing();
                if (!sql.isEmpty()) {
                    statements.add(new Statement(sql, startLine));
                    if (sqlMode != null) {
                        sqlMode.read(sql).ifPresent(mode -> syntax = syntax.withSqlMode(mode));
                    }
                }
            }
            start = -1;
            words = 0;
            startsWithCreate = false;
            blockObject = null;
            depth = 0;
            pendingEnd = false;
        }

        /** The mode a MySQL syntax stands for: enough of it to give back its two switches. */
        private static String modeOf(SqlSyntax syntax) {
            return (syntax.backslashEscapes() ? "" : "NO_BACKSLASH_ESCAPES,") + (syntax.doubleQuotedStrings() ? "" : "ANSI_QUOTES");
        }

        private void quoted(char quote, String kind, boolean backslashEscapes) {
            int openLine = line;
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw unterminated(openLine, kind + " " + quote, String.valueOf(quote));
                }
                char c = text.charAt(pos);
                if (c == '\n') {
                    line++;
                } else if (backslashEscapes && c == '\\' && pos + 1 < text.length()) {
                    if (text.charAt(pos + 1) == '\n') {
                        line++;
                    }
                    pos += 2;
                    continue;
                } else if (c == quote) {
                    if (peek(1) == quote) {
                        pos += 2;
                        continue;
                    }
                    pos++;
                    return;
                }
                pos++;
            }
        }

        private void dollarQuoted() {
            int tagLength = dollarTagLength(pos);
            String tag = text.substring(pos, pos + tagLength);
            int close = text.indexOf(tag, pos + tagLength);
            if (close < 0) {
                throw unterminated(line, "dollar-quoted string " + tag, tag);
            }
            countLines(pos, close + tagLength);
            pos = close + tagLength;
        }

        /** The length of {@code $tag$} or {@code $$} at {@code at}, 0 when there is none ({@code $1}, {@code $}). */
        private int dollarTagLength(int at) {
            int i = at + 1;
            if (i < text.length() && isTagStart(text.charAt(i))) {
                while (i < text.length() && isTagPart(text.charAt(i))) {
                    i++;
                }
            }
            return i < text.length() && text.charAt(i) == '$' ? i + 1 - at : 0;
        }

        private void blockComment() {
            // MySQL's /*! ... */ is executed, not ignored: it is part of the statement.
            if (peek(2) == '!') {
                markStart();
                resolvePendingEnd();
            }
            int close = text.indexOf("*/", pos + 2);
            if (close < 0) {
                throw unterminated(line, "block comment /*", "*/");
            }
            countLines(pos, close + 2);
            pos = close + 2;
        }

        private void lineComment() {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
            }
            if (atLineStart(pos)) {
                var directive = Directive.of(text.substring(pos, end), location, line);
                if (directive.isPresent()) {
                    directive(directive.get(), end);
                    return;
                }
            }
            pos = end;
        }

        private void directive(Directive directive, int lineEnd) {
            switch (directive) {
                case STATEMENT_BEGIN -> verbatimBlock(lineEnd);
                case STATEMENT_END -> throw ScriptException.at(location, line, Directive.STATEMENT_END.text()
                        + " without a " + Directive.STATEMENT_BEGIN.text() + " before it; add one or remove this line");
                case NO_TRANSACTION -> throw ScriptException.at(location, line, Directive.NO_TRANSACTION.text()
                        + " has no effect inside a section; move it above " + Directive.UPGRADE.text());
                default -> throw ScriptException.at(location, line, directive.text()
                        + " appears twice or out of order; a script has one upgrade section, then one downgrade section");
            }
        }

        /** Everything between statement-begin and statement-end, as it is written, is one statement. */
        private void verbatimBlock(int beginLineEnd) {
            if (start >= 0) {
                throw ScriptException.at(location, line, Directive.STATEMENT_BEGIN.text()
                        + " inside an unfinished statement (which starts on line " + startLine
                        + "); end that statement with ; first");
            }
            int openLine = line;
            int contentStart = Math.min(beginLineEnd + 1, text.length());
            int contentLine = line + 1;
            int lineStart = contentStart;
            int currentLine = contentLine;
            while (lineStart < text.length()) {
                int lineEnd = text.indexOf('\n', lineStart);
                if (lineEnd < 0) {
                    lineEnd = text.length();
                }
                var directive = Directive.of(text.substring(lineStart, lineEnd), location, currentLine);
                if (directive.isPresent()) {
                    if (directive.get() != Directive.STATEMENT_END) {
                        throw ScriptException.at(location, currentLine, directive.get().text() + " inside a "
                                + Directive.STATEMENT_BEGIN.text() + " block opened on line " + openLine
                                + "; close the block with " + Directive.STATEMENT_END.text() + " first");
                    }
                    addVerbatim(text.substring(contentStart, lineStart), contentLine);
                    line = currentLine;
                    pos = lineEnd;
                    return;
                }
                lineStart = lineEnd + 1;
                currentLine++;
            }
            throw unterminated(openLine, Directive.STATEMENT_BEGIN.text() + " block", Directive.STATEMENT_END.text());
        }

        private void addVerbatim(String block, int firstLine) {
            int lineNumber = firstLine;
            int from = 0;
            // leading blank lines are not part of the statement, and must not shift its line number
            while (true) {
                int newline = block.indexOf('\n', from);
                if (newline < 0 || !block.substring(from, newline).isBlank()) {
                    break;
                }
                from = newline + 1;
                lineNumber++;
            }
            String sql = block.substring(from).stripTrailing();
            if (!sql.isBlank()) {
                statements.add(new Statement(sql, lineNumber));
            }
        }

        private boolean atLineStart(int at) {
            for (int i = at - 1; i >= 0; i--) {
                char c = text.charAt(i);
                if (c == '\n') {
                    return true;
                }
                if (!Character.isWhitespace(c)) {
                    return false;
                }
            }
            return true;
        }

        private void countLines(int from, int to) {
            for (int i = from; i < to; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
        }

        private char peek(int offset) {
            int at = pos + offset;
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private ScriptException unterminated(int openLine, String what, String closer) {
            return ScriptException.at(location, openLine, "unterminated " + what + " (opened here); close it with " + closer);
        }

        private static boolean isWordStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        /** PostgreSQL identifiers may hold {@code $}: {@code a$b$} is one word, not a dollar quote. */
        private static boolean isWordPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }

        private static boolean isTagStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        private static boolean isTagPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_';
        }
    }
}
