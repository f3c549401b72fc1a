package dev.migrate.dialect;

import dev.migrate.op.AddCheckConstraint;
import dev.migrate.op.AddColumn;
import dev.migrate.op.AddForeignKey;
import dev.migrate.op.AddUniqueConstraint;
import dev.migrate.op.AlterColumn;
import dev.migrate.op.AlterComment;
import dev.migrate.op.CreateIndex;
import dev.migrate.op.CreateTable;
import dev.migrate.op.DropCheckConstraint;
import dev.migrate.op.DropColumn;
import dev.migrate.op.DropForeignKey;
import dev.migrate.op.DropIndex;
import dev.migrate.op.DropTable;
import dev.migrate.op.DropUniqueConstraint;
import dev.migrate.op.ExecuteSql;
import dev.migrate.op.Operation;
import dev.migrate.op.RebuildTable;
import dev.migrate.op.RenameColumn;
import dev.migrate.op.RenameTable;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * DDL shared by the dialects: one method per operation, each returning the statements (without a trailing
 * semicolon). The dialects override what they say differently: types, autoincrement, ALTER COLUMN, rebuilds.
 *
 * <p>Part of the dialect SPI for a dialect that offers autogenerate ({@link Dialect#supportsAutogenerate()}): it
 * extends this class (or a built-in one, as H2's extends PostgreSQL's) and returns an instance from
 * {@link Dialect#ddl()}. The protected members are what a subclass overrides or reuses: the canonical forms of types,
 * columns, tables and defaults as the database reports them after creating them, and the statements of each operation.
 */
public abstract class Ddl {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    protected static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern STRING = Pattern.compile("'([^']|'')*'");

    protected final Dialect dialect;

    /** The dialect's DDL ({@link Dialect#ddl()}). */
    protected static Ddl of(Dialect dialect) {
        return dialect.ddl();
    }

    protected Ddl(Dialect dialect) {
        this.dialect = dialect;
    }

    // ------------------------------------------------------------------ canonical forms

    protected abstract ColumnType canonical(ColumnType type);

    /** The type as this dialect writes it in DDL. */
    protected abstract String typeSql(ColumnType type);

    /** A server default as the database reports it for a column of {@code type}. */
    protected String canonicalDefault(String expression, ColumnType type) {
        if (expression == null) {
            return null;
        }
        String value = stripOuterParentheses(expression.strip());
        if (type != null && type.generic() == GenericType.BOOLEAN) {
            value = switch (value.toLowerCase(Locale.ROOT)) {
                case "1", "true", "'1'", "'t'", "'true'" -> "true";
                case "0", "false", "'0'", "'f'", "'false'" -> "false";
                default -> value;
            };
        }
        if (isNumericType(type) && value.length() > 2 && value.startsWith("'") && value.endsWith("'")
                && NUMBER.matcher(value.substring(1, value.length() - 1)).matches()) {
            value = value.substring(1, value.length() - 1);
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.equals("CURRENT_TIMESTAMP") || upper.equals("CURRENT_DATE") || upper.equals("CURRENT_TIME")
                || upper.equals("NULL")) {
            value = upper;
        }
        return value.equals("NULL") ? null : value;
    }

    protected Column canonical(Column column) {
        ColumnType type = canonical(column.type());
        return new Column(column.name(), type, column.nullable(), canonicalDefault(column.serverDefault(), type),
                column.autoincrement() && isIntegerType(type), null, column.comment());
    }

    /** The table as the database will report it after this dialect created it from the model. */
    protected Table canonical(Table table) {
        List<String> pk = table.primaryKey() == null ? List.of() : table.primaryKey().columns();
        List<Column> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            Column canonical = canonical(column);
            if (pk.contains(column.name())) {
                canonical = canonical.withNullable(false);
            }
            columns.add(canonicalKeyColumn(table, canonical));
        }
        return table.with(table.name(), columns, canonicalPrimaryKey(table), canonicalForeignKeys(table),
                canonicalUniques(table), canonicalIndexes(table), canonicalChecks(table), table.definition());
    }

    /** The indexes as this database keeps them: without a method or INCLUDE columns, which only PostgreSQL has. */
    protected List<Index> canonicalIndexes(Table table) {
        return withoutMethodOrInclude(table);
    }

    protected static List<Index> withoutMethodOrInclude(Table table) {
        return table.indexes().stream().map(index -> index.method() == null && index.include().isEmpty() ? index
                : new Index(index.name(), index.columns(), index.unique(), index.definition(), null, index.where(),
                        List.of())).toList();
    }

    protected Column canonicalKeyColumn(Table table, Column column) {
        return column;
    }

    protected PrimaryKey canonicalPrimaryKey(Table table) {
        return table.primaryKey();
    }

    protected List<ForeignKey> canonicalForeignKeys(Table table) {
        return table.foreignKeys();
    }

    protected List<UniqueConstraint> canonicalUniques(Table table) {
        return table.uniqueConstraints();
    }

    protected List<CheckConstraint> canonicalChecks(Table table) {
        return table.checks();
    }

    // ------------------------------------------------------------------ support

    /** Whether the operation has a direct statement here; {@code current} is the table before it, when known. */
    protected boolean supports(Operation operation, Table current) {
        return true;
    }

    // ------------------------------------------------------------------ rendering

    protected List<String> render(Operation operation) {
        if (operation instanceof CreateTable op) {
            List<String> statements = new ArrayList<>();
            op.dependents().sequences().forEach(sequence -> statements.add(sequence.definition()));
            statements.addAll(createTable(op.table()));
            statements.addAll(comments(op.table()));
            statements.addAll(op.table().firstRows());
            op.dependents().sequences().forEach(sequence -> statements.add("ALTER SEQUENCE " + name(sequence.name())
                    + " OWNED BY " + name(sequence.table()) + "." + name(sequence.column())));
            op.dependents().views().forEach(view -> {
                statements.add(view.definition());
                statements.addAll(view.restore());
            });
            op.dependents().triggers().forEach(trigger -> {
                statements.add(trigger.definition());
                statements.addAll(trigger.restore());
            });
            return statements;
        } else if (operation instanceof DropTable op) {
            List<String> statements = new ArrayList<>();
            List<Schema.View> views = op.dependents().views();
            for (int i = views.size() - 1; i >= 0; i--) {
                statements.add(dropView(views.get(i)));
            }
            statements.add("DROP TABLE " + name(op.table().name()));
            return statements;
        } else if (operation instanceof RenameTable op) {
            return List.of("ALTER TABLE " + name(op.from()) + " RENAME TO " + name(op.to()));
        } else if (operation instanceof AddColumn op) {
            // a serial column added back: its sequence went with it, so an identity column again (an identity keeps
            // its own clause, which creates its sequence)
            Column column = op.column().autoincrement() && op.column().defaultDefinition() != null
                    && !isIdentityClause(op.column().defaultDefinition())
                    ? op.column().withoutDefaultDefinition() : op.column();
            List<String> statements = new ArrayList<>();
            statements.add("ALTER TABLE " + name(op.table()) + " ADD COLUMN " + columnDefinition(column, false));
            if (column.comment() != null) {
                statements.addAll(comment(new AlterComment(op.table(), column.name(), null, column.comment())));
            }
            return statements;
        } else if (operation instanceof DropColumn op) {
            return List.of("ALTER TABLE " + name(op.table()) + " DROP COLUMN " + name(op.column().name()));
        } else if (operation instanceof RenameColumn op) {
            return List.of("ALTER TABLE " + name(op.table()) + " RENAME COLUMN " + name(op.from()) + " TO "
                    + name(op.to()));
        } else if (operation instanceof AlterColumn op) {
            return alterColumn(op);
        } else if (operation instanceof CreateIndex op) {
            return List.of(createIndex(op.table(), op.index()));
        } else if (operation instanceof DropIndex op) {
            return List.of("DROP INDEX " + name(op.index().name()));
        } else if (operation instanceof AddUniqueConstraint op) {
            return List.of("ALTER TABLE " + name(op.table()) + " ADD " + unique(op.constraint()));
        } else if (operation instanceof DropUniqueConstraint op) {
            return List.of("ALTER TABLE " + name(op.table()) + " DROP CONSTRAINT "
                    + name(required(op.constraint().name(), "unique constraint", op.table())));
        } else if (operation instanceof AddForeignKey op) {
            return List.of("ALTER TABLE " + name(op.table()) + " ADD " + foreignKey(op.foreignKey()));
        } else if (operation instanceof DropForeignKey op) {
            return List.of("ALTER TABLE " + name(op.table()) + " DROP CONSTRAINT "
                    + name(required(op.foreignKey().name(), "foreign key", op.table())));
        } else if (operation instanceof AddCheckConstraint op) {
            return List.of("ALTER TABLE " + name(op.table()) + " ADD " + check(op.check()));
        } else if (operation instanceof DropCheckConstraint op) {
            return List.of("ALTER TABLE " + name(op.table()) + " DROP CONSTRAINT "
                    + name(required(op.check().name(), "check constraint", op.table())));
        } else if (operation instanceof AlterComment op) {
            return comment(op);
        } else if (operation instanceof RebuildTable op) {
            return rebuild(op);
        } else if (operation instanceof ExecuteSql op) {
            return op.upgrade() == null || op.upgrade().isBlank() ? List.of() : List.of(op.upgrade());
        }
        throw new IllegalArgumentException("unknown operation " + operation);
    }

    protected abstract List<String> alterColumn(AlterColumn op);

    /** The comments of a created table: its own, then its columns' in their order. */
    protected List<String> comments(Table table) {
        List<String> statements = new ArrayList<>();
        if (table.comment() != null) {
            statements.addAll(comment(new AlterComment(table.name(), null, null, table.comment())));
        }
        for (Column column : table.columns()) {
            if (column.comment() != null) {
                statements.addAll(comment(new AlterComment(table.name(), column.name(), null, column.comment())));
            }
        }
        return statements;
    }

    /** {@code COMMENT ON TABLE t IS '...'}, {@code COMMENT ON COLUMN t.c IS NULL} (standard SQL, PostgreSQL's). */
    protected List<String> comment(AlterComment op) {
        String target = op.onTable() ? "TABLE " + name(op.table())
                : "COLUMN " + name(op.table()) + "." + name(op.column());
        return List.of("COMMENT ON " + target + " IS " + dialect.literal(op.to()));
    }

    /** DROP VIEW, or DROP MATERIALIZED VIEW, as the view's own statement says it is. */
    protected String dropView(Schema.View view) {
        boolean materialized = view.definition().strip().toUpperCase(Locale.ROOT).startsWith("CREATE MATERIALIZED VIEW");
        return "DROP " + (materialized ? "MATERIALIZED " : "") + "VIEW " + name(view.name());
    }

    protected abstract List<String> rebuild(RebuildTable op);

    /** CREATE TABLE, then the table's indexes (a CreateTable carries them; nothing else creates them). */
    protected List<String> createTable(Table table) {
        List<String> statements = new ArrayList<>(createTable(table, table.name()));
        statements.addAll(createIndexes(table));
        return statements;
    }

    /** CREATE TABLE under {@code tableName} (a rebuild's temporary name), then the table's indexes. */
    protected List<String> createTable(Table table, String tableName) {
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            parts.add(columnDefinition(column, isPrimaryKey(table, column)));
        }
        if (table.primaryKey() != null && !table.primaryKey().columns().isEmpty()) {
            parts.add(constraintName(table.primaryKey().name()) + "PRIMARY KEY (" + names(table.primaryKey().columns())
                    + ")");
        }
        table.uniqueConstraints().forEach(unique -> parts.add(unique(unique)));
        table.foreignKeys().forEach(foreignKey -> parts.add(foreignKey(foreignKey)));
        table.checks().forEach(check -> parts.add(check(check)));
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE " + name(tableName) + " (\n    " + String.join(",\n    ", parts) + "\n)");
        return statements;
    }

    protected List<String> createIndexes(Table table) {
        return table.indexes().stream().map(index -> createIndex(table.name(), index)).toList();
    }

    protected String columnDefinition(Column column, boolean primaryKey) {
        StringBuilder sql = new StringBuilder(name(column.name())).append(' ').append(typeSql(column.type()));
        String generated = autoincrementClause(column);
        if (!generated.isEmpty()) {
            sql.append(' ').append(generated);
        }
        if (!column.nullable() || primaryKey) {
            sql.append(" NOT NULL");
        }
        if (column.defaultDefinition() != null && !isIdentityClause(column.defaultDefinition())
                && (column.serverDefault() != null || column.autoincrement())) {
            // the database's own text, casts and all (an owned sequence's nextval on an autoincrement column)
            sql.append(" DEFAULT ").append(column.defaultDefinition());
        } else if (column.serverDefault() != null && !column.autoincrement()) {
            sql.append(" DEFAULT ").append(defaultSql(column.serverDefault()));
        }
        return sql.toString();
    }

    protected abstract String autoincrementClause(Column column);

    /** A column's default as written after DEFAULT: the database's own text when reflection read it. */
    protected String defaultSql(Column column) {
        return column.defaultDefinition() != null ? column.defaultDefinition() : defaultSql(column.serverDefault());
    }

    /** A default as written after DEFAULT: literals as they are, expressions in parentheses. */
    protected String defaultSql(String expression) {
        String value = expression.strip();
        return isConstant(value) ? value : "(" + stripOuterParentheses(value) + ")";
    }

    /** Whether a column's reflected definition is the standard identity clause ({@code GENERATED ... AS IDENTITY}). */
    protected static boolean isIdentityClause(String definition) {
        return definition.startsWith("GENERATED ");
    }

    protected static boolean isConstant(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        return NUMBER.matcher(value).matches() || STRING.matcher(value).matches() || upper.equals("NULL")
                || upper.equals("TRUE") || upper.equals("FALSE") || upper.equals("CURRENT_TIMESTAMP")
                || upper.equals("CURRENT_DATE") || upper.equals("CURRENT_TIME");
    }

    /** Whether a default is a value rather than something computed per row (SQLite's ADD COLUMN rule). */
    protected static boolean isLiteral(String value) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        String stripped = stripOuterParentheses(value.strip());
        return NUMBER.matcher(stripped).matches() || STRING.matcher(stripped).matches() || upper.equals("NULL")
                || upper.equals("TRUE") || upper.equals("FALSE");
    }

    /** The database's own statement for a reflected index (all of it: method, predicate, INCLUDE, order, opclass). */
    protected String createIndex(String table, Index index) {
        return index.definition() != null ? index.definition() : createIndexFromColumns(table, index);
    }

    protected String createIndexFromColumns(String table, Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + name(index.name()) + " ON " + name(table)
                + indexMethod(index) + " (" + index.columns().stream().map(this::indexElement)
                .collect(Collectors.joining(", ")) + ")" + indexInclude(index)
                + (index.where() == null ? "" : " WHERE " + index.where());
    }

    /** {@code USING <method>} where the database has index methods (PostgreSQL); nothing here. */
    protected String indexMethod(Index index) {
        return "";
    }

    /** {@code INCLUDE (<columns>)} where the database has covering indexes (PostgreSQL); nothing here. */
    protected String indexInclude(Index index) {
        return "";
    }

    protected String unique(UniqueConstraint unique) {
        return constraintName(unique.name()) + "UNIQUE (" + names(unique.columns()) + ")";
    }

    protected String foreignKey(ForeignKey foreignKey) {
        StringBuilder sql = new StringBuilder(constraintName(foreignKey.name())).append("FOREIGN KEY (")
                .append(names(foreignKey.columns())).append(") REFERENCES ").append(name(foreignKey.referredTable()))
                .append(" (").append(names(foreignKey.referredColumns())).append(')');
        if (foreignKey.onDelete() != ReferentialAction.NO_ACTION) {
            sql.append(" ON DELETE ").append(foreignKey.onDelete().sql());
        }
        if (foreignKey.onUpdate() != ReferentialAction.NO_ACTION) {
            sql.append(" ON UPDATE ").append(foreignKey.onUpdate().sql());
        }
        return sql.toString();
    }

    protected String check(CheckConstraint check) {
        return constraintName(check.name()) + "CHECK (" + check.expression() + ")";
    }

    protected String constraintName(String constraintName) {
        return constraintName == null ? "" : "CONSTRAINT " + name(constraintName) + " ";
    }

    protected String name(String identifier) {
        return dialect.quoteIfNeeded(identifier);
    }

    protected String names(List<String> identifiers) {
        return identifiers.stream().map(this::name).collect(Collectors.joining(", "));
    }

    /** An index element: a column name (quoted when needed) or an expression, written as it is. */
    protected String indexElement(String element) {
        return IDENTIFIER.matcher(element).matches() ? name(element) : element;
    }

    protected static boolean isPrimaryKey(Table table, Column column) {
        return table.primaryKey() != null && table.primaryKey().columns().contains(column.name());
    }

    protected static boolean isIntegerType(ColumnType type) {
        return type.generic() == GenericType.SMALLINT || type.generic() == GenericType.INTEGER
                || type.generic() == GenericType.BIGINT;
    }

    protected static boolean isNumericType(ColumnType type) {
        return type != null && (isIntegerType(type) || type.generic() == GenericType.DECIMAL
                || type.generic() == GenericType.REAL || type.generic() == GenericType.DOUBLE);
    }

    protected static String required(String constraintName, String what, String table) {
        if (constraintName == null) {
            throw new IllegalArgumentException("cannot drop an unnamed " + what + " of table " + table
                    + ": give it a name in the model");
        }
        return constraintName;
    }

    /**
     * A type the engine does not know, with one case outside quotes ({@code upper} or lower) and no blank after a comma
     * or an opening parenthesis or before a comma or a closing one: {@code enum ('a', 'b')} is {@code enum ('a','b')}.
     */
    protected static String compactRaw(String raw, boolean upper) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        String text = raw.strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                out.append(c);
            } else if (quoted) {
                out.append(c);
            } else if (Character.isWhitespace(c)) {
                char last = out.isEmpty() ? ' ' : out.charAt(out.length() - 1);
                if (last != ' ' && last != ',' && last != '(') {
                    out.append(' ');
                }
            } else {
                if ((c == ',' || c == ')') && !out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                    out.setLength(out.length() - 1);
                }
                out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /** {@code (x)} to {@code x}, only when the parentheses enclose the whole expression. */
    protected static String stripOuterParentheses(String expression) {
        String value = expression;
        while (value.length() >= 2 && value.charAt(0) == '(' && value.charAt(value.length() - 1) == ')'
                && closes(value)) {
            value = value.substring(1, value.length() - 1).strip();
        }
        return value;
    }

    private static boolean closes(String value) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth == 0 && i < value.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
