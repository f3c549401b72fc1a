package dev.migrate.reflect;

import dev.migrate.reflect.SqlTokens.Kind;
import dev.migrate.reflect.SqlTokens.Token;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical text of server defaults and CHECK expressions, so that what a model says and what a
 * database renders compare equal. Reflection applies it to everything it reads; the model side applies
 * the same functions to what the models declare. The rules are listed in the package documentation.
 */
public final class SqlExpressions {

    /** Words written in upper case; every other unquoted word (identifiers, function names) is lower-cased. */
    private static final Set<String> KEYWORDS = Set.of(
            "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME", "CURRENT_USER",
            "SESSION_USER", "TRUE", "FALSE", "NULL", "AND", "OR", "NOT", "IS", "IN", "LIKE", "ILIKE", "GLOB",
            "REGEXP", "MATCH", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS", "AT", "TIME", "ZONE",
            "INTERVAL", "COLLATE", "ESCAPE", "DISTINCT", "FROM", "ARRAY", "ANY", "ALL", "SOME", "EXISTS", "SIMILAR",
            "TO", "WITH", "WITHOUT", "VARYING", "PRECISION", "ISNULL", "NOTNULL");

    /** Words that can continue a type name after a cast operator. */
    private static final Set<String> TYPE_CONTINUATIONS = Set.of(
            "VARYING", "PRECISION", "WITH", "WITHOUT", "TIME", "ZONE");

    private static final Set<String> NUMERIC_CASTS = Set.of(
            "INTEGER", "INT", "INT2", "INT4", "INT8", "BIGINT", "SMALLINT", "NUMERIC", "DECIMAL", "REAL", "FLOAT4",
            "FLOAT8", "DOUBLE");

    private static final Set<String> TRUE_WORDS = Set.of("1", "TRUE", "'1'", "'T'", "'TRUE'", "'Y'", "'YES'", "'ON'");
    private static final Set<String> FALSE_WORDS = Set.of("0", "FALSE", "'0'", "'F'", "'FALSE'", "'N'", "'NO'", "'OFF'");

    private SqlExpressions() {
    }

    /**
     * A server default in canonical form, or null when there is none ({@code NULL} counts as none).
     * Boolean columns' defaults become {@code TRUE} or {@code FALSE} whether written as words or as 1/0.
     */
    public static String canonicalDefault(String expression, ColumnType type) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        String canonical = canonical(expression);
        if (canonical.isEmpty() || canonical.equals("NULL")) {
            return null;
        }
        if (type != null && type.generic() == GenericType.BOOLEAN) {
            String upper = canonical.toUpperCase(Locale.ROOT);
            if (TRUE_WORDS.contains(upper)) {
                return "TRUE";
            }
            if (FALSE_WORDS.contains(upper)) {
                return "FALSE";
            }
        }
        return canonical;
    }

    /** An SQL expression (a default, or a CHECK condition without CHECK and its parentheses) in canonical form. */
    public static String canonical(String expression) {
        if (expression == null) {
            return null;
        }
        List<Token> tokens = new ArrayList<>(SqlTokens.tokenize(expression));
        mergeUnaryMinus(tokens);
        boolean changed = true;
        while (changed) {
            changed = stripLiteralCasts(tokens) | unwrapSingleTokenParentheses(tokens);
        }
        while (tokens.size() >= 2 && tokens.get(0).is("(") && SqlTokens.closing(tokens, 0) == tokens.size() - 1) {
            tokens.remove(tokens.size() - 1);
            tokens.remove(0);
        }
        return render(tokens);
    }

    private static void mergeUnaryMinus(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token next = tokens.get(i + 1);
            if ((token.is("-") || token.is("+")) && next.kind() == Kind.NUMBER && (i == 0 || isOperatorLike(tokens.get(i - 1)))) {
                tokens.set(i, new Token(Kind.NUMBER, (token.is("-") ? "-" : "") + next.text()));
                tokens.remove(i + 1);
            }
        }
    }

    private static boolean isOperatorLike(Token token) {
        return (token.kind() == Kind.PUNCT && !token.is(")") && !token.is("]"))
                || (token.kind() == Kind.WORD && KEYWORDS.contains(token.upper()) && !token.isWord("NULL")
                && !token.isWord("TRUE") && !token.isWord("FALSE") && !token.upper().startsWith("CURRENT_"));
    }

    /** {@code 'x'::character varying} to {@code 'x'}; {@code '-1'::integer} to {@code -1}; casts of other expressions stay. */
    private static boolean stripLiteralCasts(List<Token> tokens) {
        boolean changed = false;
        for (int i = 1; i < tokens.size(); i++) {
            if (!tokens.get(i).is("::") || !isLiteral(tokens.get(i - 1))) {
                continue;
            }
            int end = typeNameEnd(tokens, i + 1);
            if (end <= i + 1) {
                continue;
            }
            String firstTypeWord = tokens.get(i + 1).upper();
            tokens.subList(i, end).clear();
            Token literal = tokens.get(i - 1);
            if (literal.kind() == Kind.STRING && NUMERIC_CASTS.contains(firstTypeWord)) {
                String inner = literal.text().substring(1, literal.text().length() - 1);
                if (inner.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                    tokens.set(i - 1, new Token(Kind.NUMBER, inner.startsWith("+") ? inner.substring(1) : inner));
                }
            }
            changed = true;
        }
        return changed;
    }

    private static boolean isLiteral(Token token) {
        return token.kind() == Kind.STRING || token.kind() == Kind.NUMBER || token.isWord("NULL")
                || token.isWord("TRUE") || token.isWord("FALSE");
    }

    /** The index after a type name starting at {@code start}: words (schema-qualified, multi-word), (n), []. */
    private static int typeNameEnd(List<Token> tokens, int start) {
        int i = start;
        if (i >= tokens.size() || !tokens.get(i).isName()) {
            return start;
        }
        i++;
        while (i + 1 < tokens.size() && tokens.get(i).is(".") && tokens.get(i + 1).isName()) {
            i += 2;
        }
        while (i < tokens.size() && tokens.get(i).kind() == Kind.WORD && TYPE_CONTINUATIONS.contains(tokens.get(i).upper())) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).is("(")) {
            int close = SqlTokens.closing(tokens, i);
            if (close > 0) {
                i = close + 1;
            }
        }
        while (i + 1 < tokens.size() && tokens.get(i).is("[") && tokens.get(i + 1).is("]")) {
            i += 2;
        }
        return i;
    }

    /** {@code (0)} to {@code 0} and {@code (price)} to {@code price}, unless the parentheses belong to a call or a list. */
    private static boolean unwrapSingleTokenParentheses(List<Token> tokens) {
        boolean changed = false;
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).is("(") && tokens.get(i + 2).is(")") && tokens.get(i + 1).kind() != Kind.PUNCT) {
                if (i > 0) {
                    Token before = tokens.get(i - 1);
                    boolean callOrList = before.isName() && !(before.kind() == Kind.WORD && KEYWORDS.contains(before.upper())
                            && !before.isWord("IN") && !before.isWord("ANY") && !before.isWord("ALL")
                            && !before.isWord("EXISTS") && !before.isWord("SOME"))
                            || before.is(")") || before.isWord("IN") || before.isWord("ANY") || before.isWord("ALL")
                            || before.isWord("SOME") || before.isWord("EXISTS");
                    if (callOrList) {
                        continue;
                    }
                }
                tokens.remove(i + 2);
                tokens.remove(i);
                changed = true;
            }
        }
        return changed;
    }

    private static String render(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        Token previous = null;
        for (Token token : tokens) {
            String text = switch (token.kind()) {
                case WORD -> KEYWORDS.contains(token.upper()) ? token.upper() : token.text().toLowerCase(Locale.ROOT);
                case NUMBER -> token.text().toLowerCase(Locale.ROOT);
                default -> token.text();
            };
            if (previous != null && spaceBetween(previous, token)) {
                out.append(' ');
            }
            out.append(text);
            previous = token;
        }
        return out.toString();
    }

    private static boolean spaceBetween(Token previous, Token token) {
        if (previous.is("(") || previous.is("[") || previous.is(".") || previous.is("::")) {
            return false;
        }
        if (token.is(")") || token.is("]") || token.is(",") || token.is(".") || token.is("::")) {
            return false;
        }
        if (token.is("(") || token.is("[")) {
            // a call f(x) or a subscript a[1] binds; a keyword before a parenthesis (IN (..), AND (..)) does not
            return !(previous.isName() && !(previous.kind() == Kind.WORD && KEYWORDS.contains(previous.upper())))
                    && !previous.is(")") && !previous.is("]") && !previous.isWord("ARRAY");
        }
        return true;
    }
}
