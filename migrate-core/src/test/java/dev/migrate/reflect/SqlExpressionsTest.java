package dev.migrate.reflect;

import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlExpressionsTest {

    private static final ColumnType BOOL = ColumnType.of(GenericType.BOOLEAN);
    private static final ColumnType TEXT = ColumnType.of(GenericType.TEXT);
    private static final ColumnType INT = ColumnType.of(GenericType.INTEGER);

    @Test
    void castsOnLiteralsAreStrippedAndNumbersUnquoted() {
        assertThat(SqlExpressions.canonicalDefault("'x'::character varying", TEXT)).isEqualTo("'x'");
        assertThat(SqlExpressions.canonicalDefault("'-1'::integer", INT)).isEqualTo("-1");
        assertThat(SqlExpressions.canonicalDefault("-1", INT)).isEqualTo("-1");
        assertThat(SqlExpressions.canonicalDefault("'3000000000'::bigint", INT)).isEqualTo("3000000000");
        assertThat(SqlExpressions.canonicalDefault("'{}'::jsonb", TEXT)).isEqualTo("'{}'");
        assertThat(SqlExpressions.canonicalDefault("'2020-01-01 00:00:00'::timestamp without time zone", TEXT))
                .isEqualTo("'2020-01-01 00:00:00'");
        assertThat(SqlExpressions.canonicalDefault("NULL::character varying", TEXT)).isNull();
        assertThat(SqlExpressions.canonicalDefault("NULL", TEXT)).isNull();
    }

    @Test
    void castsOfRealExpressionsStay() {
        assertThat(SqlExpressions.canonical("(now())::date")).isEqualTo("(now())::date");
        assertThat(SqlExpressions.canonical("(now() + '1 day'::interval)")).isEqualTo("now() + '1 day'");
        assertThat(SqlExpressions.canonical("lower((email)::text)")).isEqualTo("lower(email::text)");
    }

    @Test
    void outerParenthesesGoKeywordsUpFunctionsDown() {
        assertThat(SqlExpressions.canonical("(CURRENT_TIMESTAMP)")).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(SqlExpressions.canonical("current_timestamp")).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(SqlExpressions.canonical("(datetime('now',  'localtime'))")).isEqualTo("datetime('now', 'localtime')");
        assertThat(SqlExpressions.canonical("NOW()")).isEqualTo("now()");
        assertThat(SqlExpressions.canonical("'It''s'")).isEqualTo("'It''s'");
    }

    @Test
    void checksFromBothDatabasesMeet() {
        // PostgreSQL renders CHECK (price >= 0) on a numeric column as this
        assertThat(SqlExpressions.canonical("(price >= (0)::numeric)")).isEqualTo("price >= 0");
        assertThat(SqlExpressions.canonical("price>=0")).isEqualTo("price >= 0");
        assertThat(SqlExpressions.canonical("(length(body) > 0)")).isEqualTo("length(body) > 0");
        assertThat(SqlExpressions.canonical("status IN ('d', 'p')")).isEqualTo("status IN ('d', 'p')");
        assertThat(SqlExpressions.canonical("x in ('a')")).isEqualTo("x IN ('a')");
        assertThat(SqlExpressions.canonical("((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"))
                .isEqualTo("status::text = ANY ((ARRAY['a', 'b'])::text[])");
        assertThat(SqlExpressions.canonical("[weird name] > 0")).isEqualTo("[weird name] > 0");
    }

    @Test
    void booleanDefaultsAreWords() {
        assertThat(SqlExpressions.canonicalDefault("1", BOOL)).isEqualTo("TRUE");
        assertThat(SqlExpressions.canonicalDefault("true", BOOL)).isEqualTo("TRUE");
        assertThat(SqlExpressions.canonicalDefault("0", BOOL)).isEqualTo("FALSE");
        assertThat(SqlExpressions.canonicalDefault("false", BOOL)).isEqualTo("FALSE");
        assertThat(SqlExpressions.canonicalDefault("1", INT)).isEqualTo("1");
    }

    @Test
    void declaredTypes() {
        assertThat(SqlTypes.parseDeclared("int")).isEqualTo(ColumnType.of(GenericType.INTEGER));
        assertThat(SqlTypes.parseDeclared("character  varying(20)")).isEqualTo(ColumnType.varchar(20));
        assertThat(SqlTypes.parseDeclared("NVARCHAR")).isEqualTo(ColumnType.varchar(null));
        assertThat(SqlTypes.parseDeclared("decimal(10, 2)")).isEqualTo(ColumnType.decimal(10, 2));
        assertThat(SqlTypes.parseDeclared("DATETIME")).isEqualTo(ColumnType.of(GenericType.TIMESTAMP));
        assertThat(SqlTypes.parseDeclared("clob")).isEqualTo(ColumnType.of(GenericType.TEXT));
        assertThat(SqlTypes.parseDeclared("Money")).isEqualTo(ColumnType.other("Money"));
        assertThat(SqlTypes.parseDeclared("")).isEqualTo(ColumnType.other("ANY"));
    }

    @Test
    void createTableTextGivesChecksAndNames() {
        SqliteTableSql parsed = SqliteTableSql.parse("""
                CREATE TABLE "t" (
                  a INTEGER CONSTRAINT pk_t PRIMARY KEY, -- a comment with CHECK (x)
                  b TEXT DEFAULT ')' CHECK (b <> ')'),
                  c VARCHAR(10) CONSTRAINT ck_c CHECK (length(c) > 2) CONSTRAINT uq_c UNIQUE,
                  CONSTRAINT "ck t" CHECK (a > 0 AND (b IS NULL OR c IS NULL)),
                  CONSTRAINT fk_t FOREIGN KEY (b) REFERENCES other (x)
                ) WITHOUT ROWID""");
        assertThat(parsed.withoutRowid()).isTrue();
        assertThat(parsed.checks()).extracting(c -> c.name() + ": " + c.expression()).containsExactly(
                "null: b <> ')'", "ck_c: length(c) > 2", "ck t: a > 0 AND (b IS NULL OR c IS NULL)");
        assertThat(parsed.namedConstraints()).extracting(c -> c.name() + " " + c.kind() + " " + c.columns())
                .containsExactly("pk_t PRIMARY_KEY [a]", "uq_c UNIQUE [c]", "fk_t FOREIGN_KEY [b]");
    }
}
