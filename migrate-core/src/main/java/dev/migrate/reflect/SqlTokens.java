package dev.migrate.reflect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SQL tokenizer for what reflection must read inside DDL text: CREATE TABLE bodies (SQLite keeps
 * CHECK constraints and constraint names only there), CREATE INDEX column lists, and default and check
 * expressions. Comments and whitespace are dropped; string literals and quoted identifiers stay whole.
 */
final class SqlTokens {

    enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, PARAMETER, PUNCT }

    record Token(Kind kind, String text) {

        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }

        /** An identifier's name: quoted identifiers unquoted, plain words as written. */
        String name() {
            if (kind != Kind.QUOTED_NAME) {
                return text;
            }
            char open = text.charAt(0);
            String inner = text.substring(1, text.length() - 1);
            return switch (open) {
                case '"' -> inner.replace("\"\"", "\"");
                case '`' -> inner.replace("``", "`");
                default -> inner;
            };
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private static final String[] OPERATORS = {"::", "||", "<=", ">=", "<>", "!=", "==", "<<", ">>", "->>", "->"};

    private SqlTokens() {
    }

    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                int end = quotedEnd(sql, i, '\'');
                tokens.add(new Token(Kind.STRING, sql.substring(i, end)));
                i = end;
            } else if (c == '"' || c == '`') {
                int end = quotedEnd(sql, i, c);
                tokens.add(new Token(Kind.QUOTED_NAME, sql.substring(i, end)));
                i = end;
            } else if (c == '[' && isBracketName(sql, i, tokens)) {
                int end = sql.indexOf(']', i);
                end = end < 0 ? n : end + 1;
                tokens.add(new Token(Kind.QUOTED_NAME, sql.substring(i, end)));
                i = end;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.'
                        || ((sql.charAt(i) == '+' || sql.charAt(i) == '-')
                        && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')))) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_' || c > 127) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$' || sql.charAt(i) > 127)) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i)));
            } else if ((c == '?' || c == ':' || c == '@' || c == '$') && i + 1 < n
                    && (Character.isLetterOrDigit(sql.charAt(i + 1))) && !(c == ':' && sql.startsWith("::", i))) {
                int start = i++;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.PARAMETER, sql.substring(start, i)));
            } else {
                String op = null;
                for (String candidate : OPERATORS) {
                    if (sql.startsWith(candidate, i)) {
                        op = candidate;
                        break;
                    }
                }
                op = op == null ? String.valueOf(c) : op;
                tokens.add(new Token(Kind.PUNCT, op));
                i += op.length();
            }
        }
        return tokens;
    }

    /**
     * Whether {@code [} opens a bracketed name (SQLite, SQL Server: {@code [my table]}) rather than an array
     * constructor or subscript ({@code ARRAY['a', 'b']}, {@code tags[1]}).
     */
    private static boolean isBracketName(String sql, int open, List<Token> before) {
        int end = sql.indexOf(']', open);
        if (end < 0) {
            return false;
        }
        String inside = sql.substring(open + 1, end);
        if (inside.isBlank() || inside.matches("[0-9:\\s]*") || inside.matches(".*['\",\\[].*")) {
            return false;
        }
        if (before.isEmpty()) {
            return true;
        }
        Token previous = before.get(before.size() - 1);
        return !previous.isWord("ARRAY") && !previous.is(")") && !previous.is("]") && previous.kind() != Kind.QUOTED_NAME;
    }

    /** The index just after the closing quote of a quoted run starting at {@code start}; doubled quotes escape. */
    private static int quotedEnd(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** The index of the token closing the parenthesis opened at {@code open}, or -1. */
    static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).is("(")) {
                depth++;
            } else if (tokens.get(i).is(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Splits {@code tokens[from, to)} at commas outside parentheses. */
    static List<List<Token>> splitTopLevel(List<Token> tokens, int from, int to) {
        List<List<Token>> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.is("(")) {
                depth++;
            } else if (token.is(")")) {
                depth--;
            } else if (token.is(",") && depth == 0) {
                parts.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        if (start < to) {
            parts.add(tokens.subList(start, to));
        }
        return parts;
    }
}
