package dev.migrate.reflect;

import dev.migrate.reflect.SqlTokens.Token;
import dev.migrate.schema.CheckConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What only a SQLite table's CREATE statement tells: constraint names, CHECK constraints, and whether it is
 * WITHOUT ROWID. Read with {@link SqlTokens}, so that parentheses, quotes and comments inside expressions
 * and names cannot confuse it.
 */
record SqliteTableSql(List<NamedConstraint> namedConstraints, List<CheckConstraint> checks, boolean withoutRowid) {

    enum ConstraintKind { PRIMARY_KEY, UNIQUE, FOREIGN_KEY }

    /** A PRIMARY KEY, UNIQUE or FOREIGN KEY constraint that was given a name with {@code CONSTRAINT name}. */
    record NamedConstraint(String name, ConstraintKind kind, List<String> columns) {

        boolean matches(ConstraintKind otherKind, List<String> otherColumns) {
            return kind == otherKind && lower(columns).equals(lower(otherColumns));
        }

        private static List<String> lower(List<String> names) {
            return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        }
    }

    static SqliteTableSql parse(String createTable) {
        List<NamedConstraint> named = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        if (createTable == null) {
            return new SqliteTableSql(named, checks, false);
        }
        List<Token> tokens = SqlTokens.tokenize(createTable);
        int open = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is("(")) {
                open = i;
                break;
            }
        }
        int close = open < 0 ? -1 : SqlTokens.closing(tokens, open);
        if (close < 0) {
            return new SqliteTableSql(named, checks, false);
        }
        for (List<Token> definition : SqlTokens.splitTopLevel(tokens, open + 1, close)) {
            if (definition.isEmpty()) {
                continue;
            }
            Token first = definition.get(0);
            if (first.isWord("CONSTRAINT") || first.isWord("PRIMARY") || first.isWord("UNIQUE")
                    || first.isWord("CHECK") || first.isWord("FOREIGN")) {
                tableConstraint(definition, named, checks);
            } else {
                columnConstraints(definition, named, checks);
            }
        }
        boolean withoutRowid = false;
        for (int i = close + 1; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("WITHOUT") && tokens.get(i + 1).isWord("ROWID")) {
                withoutRowid = true;
            }
        }
        return new SqliteTableSql(named, checks, withoutRowid);
    }

    private static void tableConstraint(List<Token> def, List<NamedConstraint> named, List<CheckConstraint> checks) {
        int i = 0;
        String name = null;
        if (def.get(0).isWord("CONSTRAINT") && def.size() > 1) {
            name = def.get(1).name();
            i = 2;
        }
        if (i >= def.size()) {
            return;
        }
        Token kind = def.get(i);
        int open = indexOf(def, "(", i);
        if (open < 0) {
            return;
        }
        int close = SqlTokens.closing(def, open);
        if (close < 0) {
            return;
        }
        if (kind.isWord("CHECK")) {
            checks.add(new CheckConstraint(name, SqlExpressions.canonical(text(def.subList(open + 1, close)))));
            return;
        }
        if (name == null) {
            return;
        }
        List<String> columns = columnList(def, open, close);
        if (kind.isWord("PRIMARY")) {
            named.add(new NamedConstraint(name, ConstraintKind.PRIMARY_KEY, columns));
        } else if (kind.isWord("UNIQUE")) {
            named.add(new NamedConstraint(name, ConstraintKind.UNIQUE, columns));
        } else if (kind.isWord("FOREIGN")) {
            named.add(new NamedConstraint(name, ConstraintKind.FOREIGN_KEY, columns));
        }
    }

    private static void columnConstraints(List<Token> def, List<NamedConstraint> named, List<CheckConstraint> checks) {
        String column = def.get(0).name();
        String pendingName = null;
        int i = 1;
        while (i < def.size()) {
            Token token = def.get(i);
            if (token.isWord("CONSTRAINT") && i + 1 < def.size()) {
                pendingName = def.get(i + 1).name();
                i += 2;
                continue;
            }
            if (token.isWord("CHECK") && i + 1 < def.size() && def.get(i + 1).is("(")) {
                int close = SqlTokens.closing(def, i + 1);
                if (close < 0) {
                    return;
                }
                checks.add(new CheckConstraint(pendingName, SqlExpressions.canonical(text(def.subList(i + 2, close)))));
                pendingName = null;
                i = close + 1;
                continue;
            }
            if (token.is("(")) {
                int close = SqlTokens.closing(def, i);
                i = close < 0 ? def.size() : close + 1;
                continue;
            }
            ConstraintKind kind = token.isWord("PRIMARY") ? ConstraintKind.PRIMARY_KEY
                    : token.isWord("UNIQUE") ? ConstraintKind.UNIQUE
                    : token.isWord("REFERENCES") ? ConstraintKind.FOREIGN_KEY : null;
            if (kind != null) {
                if (pendingName != null) {
                    named.add(new NamedConstraint(pendingName, kind, List.of(column)));
                }
                pendingName = null;
            } else if (token.isWord("NOT") || token.isWord("NULL") || token.isWord("DEFAULT")
                    || token.isWord("COLLATE") || token.isWord("GENERATED") || token.isWord("AS")) {
                pendingName = null;
            }
            i++;
        }
    }

    /** The column names of a parenthesised list {@code (a, b COLLATE NOCASE DESC)}. */
    private static List<String> columnList(List<Token> def, int open, int close) {
        return SqlTokens.splitTopLevel(def, open + 1, close).stream()
                .filter(part -> !part.isEmpty())
                .map(part -> part.get(0).name())
                .collect(Collectors.toList());
    }

    private static int indexOf(List<Token> tokens, String punct, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).is(punct)) {
                return i;
            }
        }
        return -1;
    }

    /** Tokens back to text, for {@link SqlExpressions#canonical} to render. */
    static String text(List<Token> tokens) {
        return tokens.stream().map(Token::text).collect(Collectors.joining(" "));
    }

    /** The WHERE predicate of a partial index's CREATE INDEX statement, canonical; null when it has none. */
    static String indexPredicate(String createIndex) {
        if (createIndex == null) {
            return null;
        }
        List<Token> tokens = SqlTokens.tokenize(createIndex);
        int on = -1;
        for (int i = 0; i < tokens.size() && on < 0; i++) {
            on = tokens.get(i).isWord("ON") ? i : -1;
        }
        int open = on < 0 ? -1 : indexOf(tokens, "(", on);
        int close = open < 0 ? -1 : SqlTokens.closing(tokens, open);
        if (close < 0 || close + 2 > tokens.size() || !tokens.get(close + 1).isWord("WHERE")) {
            return null;
        }
        return SqlExpressions.canonical(text(tokens.subList(close + 2, tokens.size())));
    }

    /**
     * The expressions of a CREATE INDEX statement's column list, canonical, in order; empty when the
     * statement cannot be read.
     */
    static List<String> indexExpressions(String createIndex) {
        if (createIndex == null) {
            return List.of();
        }
        List<Token> tokens = SqlTokens.tokenize(createIndex);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isWord("ON")) {
                int open = indexOf(tokens, "(", i);
                int close = open < 0 ? -1 : SqlTokens.closing(tokens, open);
                if (close < 0) {
                    return List.of();
                }
                List<String> parts = new ArrayList<>();
                for (List<Token> part : SqlTokens.splitTopLevel(tokens, open + 1, close)) {
                    List<Token> expression = new ArrayList<>(part);
                    int last = expression.size() - 1;
                    if (last > 0 && (expression.get(last).isWord("ASC") || expression.get(last).isWord("DESC"))) {
                        expression.remove(last);
                    }
                    parts.add(SqlExpressions.canonical(text(expression)));
                }
                return parts;
            }
        }
        return List.of();
    }
}
