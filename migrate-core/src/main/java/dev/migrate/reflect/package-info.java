/**
 * Reflection: reads a live SQLite or PostgreSQL schema into the {@link dev.migrate.schema} model, in bulk.
 * {@link dev.migrate.reflect.SchemaReader#forConnection} picks the reader from the connection's dialect;
 * {@link dev.migrate.reflect.ReflectOptions} says which schema, which tables (a name filter applied before
 * any detail query: detail queries take the included names as one parameter), and which engine tables to
 * leave out.
 *
 * <h2>Queries</h2>
 * The number of statements does not depend on the number of tables.
 * <ul>
 * <li>SQLite, 4: {@code sqlite_master} (tables, indexes, triggers, views with their SQL, kept for re-creating:
 * {@code Table.definition}, {@code Index.definition}; declared types kept as {@code ColumnType.raw}); then, over all
 * included tables passed as one JSON array through {@code json_each}: {@code pragma_table_info},
 * {@code pragma_foreign_key_list}, {@code pragma_index_list} joined with {@code pragma_index_info}.
 * CHECK constraints and constraint names exist only in the CREATE TABLE text and are read from it with a
 * tokenizer.</li>
 * <li>PostgreSQL, 5: relations ({@code pg_class} relkind r/p/v/m, with {@code pg_get_viewdef}; relkind S for the
 * sequences no column owns, with their {@code pg_sequence} start and increment; and per table
 * what the engine does not manage, as {@code Schema.NotKept}: policies, row-level security, grants, comments,
 * inheritance, partitioning, exclusion constraints, publications), columns ({@code pg_attribute},
 * {@code pg_type}, {@code format_type}, {@code pg_get_expr(adbin)} kept verbatim as
 * {@code Column.defaultDefinition}, {@code attidentity}, the sequence the column owns with its
 * {@code pg_sequence} options), constraints ({@code pg_constraint} p/u/f/c, key arrays mapped to names,
 * {@code pg_get_expr(conbin)} for checks), indexes no constraint owns ({@code pg_index},
 * {@code pg_get_indexdef} per key column and whole, as {@code Index.definition}), triggers
 * ({@code pg_get_triggerdef}) and rules ({@code pg_get_ruledef}) on the tables and on the views.</li>
 * <li>MariaDB/MySQL, 6 ({@code MariaDbSchemaReader}): {@code TABLES} with {@code VIEWS} (and the engine, default
 * character set and collation as {@code Table.options}), {@code COLUMNS}, {@code STATISTICS} (primary key, unique keys,
 * other indexes, prefix lengths as {@code col(n)}), {@code KEY_COLUMN_USAGE} with {@code REFERENTIAL_CONSTRAINTS},
 * {@code CHECK_CONSTRAINTS} (a {@code JSON} column's {@code json_valid} check makes the column JSON), {@code TRIGGERS}.
 * Types ({@code SqlTypes.fromMariaDb}): {@code tinyint(1)} &rarr; BOOLEAN, {@code datetime} &rarr; TIMESTAMP,
 * {@code timestamp} &rarr; TIMESTAMP_WITH_TIME_ZONE, {@code float} &rarr; REAL, {@code blob} &rarr; BINARY,
 * {@code UNSIGNED}, {@code ENUM}, {@code SET} and other types &rarr; OTHER({@code COLUMN_TYPE});
 * {@code current_timestamp()} &rarr; {@code CURRENT_TIMESTAMP}, {@code ON UPDATE ...} appended to the default;
 * RESTRICT (what InnoDB reports for no action) &rarr; NO_ACTION.</li>
 * <li>H2 2.x, 6 ({@code H2SchemaReader}): {@code TABLES} with {@code VIEWS} (and the tables' comments),
 * {@code COLUMNS} (with an {@code ENUM}'s values from {@code ENUM_VALUES}), {@code INDEXES} with {@code INDEX_COLUMNS}
 * (without the indexes H2 generates for constraints), {@code TABLE_CONSTRAINTS} with {@code KEY_COLUMN_USAGE} and
 * {@code CHECK_CONSTRAINTS}, {@code REFERENTIAL_CONSTRAINTS} with both sides' {@code KEY_COLUMN_USAGE},
 * {@code TRIGGERS}. Names in upper case &rarr; lower case. Types ({@code SqlTypes.fromH2}): {@code CHARACTER VARYING}
 * &rarr; VARCHAR (H2's maximum length &rarr; none), {@code CHARACTER LARGE OBJECT} &rarr; TEXT,
 * {@code DOUBLE PRECISION} &rarr; DOUBLE, {@code BINARY VARYING} &rarr; BINARY, {@code ENUM} &rarr;
 * OTHER({@code ENUM('a','b')}); identity columns &rarr; autoincrement.</li>
 * </ul>
 * All stop after the first query when no table is included.
 *
 * <h2>What is left out</h2>
 * SQLite: {@code sqlite_*} tables; the shadow tables of every virtual table, known from its module
 * (fts3/fts4: {@code _content _segments _segdir _docsize _stat}; fts5: {@code _data _idx _content _docsize
 * _config}; rtree, rtree_i32, geopoly: {@code _node _parent _rowid}); a table merely named like a shadow
 * table is kept. PostgreSQL: partitions (their parent is read), tables that belong to an extension
 * (PostGIS's {@code spatial_ref_sys}). Both: tables the filter rejects or the options exclude, and
 * triggers on them. Views are always all read.
 *
 * <h2>Canonical types ({@link dev.migrate.reflect.SqlTypes})</h2>
 * SQLite declared type (case-insensitive, whitespace collapsed; numbers in parentheses are length, or
 * precision and scale):
 * {@code INTEGER, INT, INT4} &rarr; INTEGER; {@code BIGINT, INT8} &rarr; BIGINT; {@code SMALLINT, INT2} &rarr;
 * SMALLINT; {@code VARCHAR(n), CHARACTER VARYING(n), NVARCHAR(n)} &rarr; VARCHAR(n), no length &rarr; length
 * null; {@code CHAR(n), CHARACTER(n), NCHAR(n)} &rarr; CHAR(n); {@code TEXT, CLOB} &rarr; TEXT;
 * {@code BOOLEAN, BOOL} &rarr; BOOLEAN; {@code REAL, FLOAT, FLOAT4} &rarr; REAL; {@code DOUBLE, DOUBLE PRECISION,
 * FLOAT8} &rarr; DOUBLE; {@code NUMERIC(p,s), DECIMAL(p,s)} &rarr; DECIMAL(p,s) (absent parts null);
 * {@code DATE}; {@code TIME(p)} &rarr; TIME, precision p or null; {@code DATETIME, TIMESTAMP(p)} &rarr;
 * TIMESTAMP; {@code TIMESTAMPTZ, TIMESTAMP WITH TIME ZONE} &rarr; TIMESTAMP_WITH_TIME_ZONE; {@code BLOB}
 * &rarr; BINARY; {@code UUID}; {@code JSON}; no declared type &rarr; OTHER("ANY"); anything else &rarr;
 * OTHER(as declared).
 * <br>PostgreSQL ({@code typname} and {@code atttypmod}): int2/int4/int8 &rarr; SMALLINT/INTEGER/BIGINT
 * (serial types too); varchar(n) &rarr; VARCHAR(n or null); bpchar(n) &rarr; CHAR(n); text; bool &rarr;
 * BOOLEAN; numeric(p,s) &rarr; DECIMAL(p,s), unconstrained numeric &rarr; DECIMAL(null,null); float4 &rarr;
 * REAL; float8 &rarr; DOUBLE; date; time(p) &rarr; TIME; timestamp(p) &rarr; TIMESTAMP; timestamptz(p)
 * &rarr; TIMESTAMP_WITH_TIME_ZONE (precision only when declared); bytea &rarr; BINARY; uuid; json &rarr; JSON.
 * {@code jsonb} stays OTHER("jsonb"), so that json and jsonb are never confused; enums, domains, arrays,
 * timetz, interval and every other type &rarr; OTHER({@code format_type}), e.g. OTHER("text[]"),
 * OTHER("mood").
 *
 * <h2>Canonical defaults and checks ({@link dev.migrate.reflect.SqlExpressions})</h2>
 * The same rules for both databases, on tokens (strings and quoted names are never touched):
 * <ol>
 * <li>casts of literals are removed: {@code 'x'::character varying} &rarr; {@code 'x'},
 * {@code NULL::text} &rarr; {@code NULL}; a quoted number cast to a numeric type becomes the number:
 * {@code '-1'::integer} &rarr; {@code -1}. Casts of anything else stay ({@code (now())::date},
 * {@code email::text}).</li>
 * <li>parentheses around a single token go ({@code (0)} &rarr; {@code 0}) unless they are a call or a list;
 * parentheses around the whole expression go ({@code (datetime('now'))} &rarr; {@code datetime('now')}).</li>
 * <li>keywords upper case ({@code CURRENT_TIMESTAMP}, {@code TRUE}, {@code NULL}, {@code IN}, {@code AND},
 * {@code AT TIME ZONE}, ...); other unquoted words (identifiers, function names) lower case:
 * {@code now()}, {@code datetime('now')}.</li>
 * <li>one space between tokens, none after {@code (} or before {@code ) ,}, none around {@code . ::}, none
 * between a function name and its {@code (}; a sign directly before a number is part of it ({@code -1.5}).</li>
 * <li>defaults only: {@code NULL} (or none) &rarr; null; on BOOLEAN columns {@code 1, true, '1', 't'}
 * &rarr; {@code TRUE} and {@code 0, false, '0', 'f'} &rarr; {@code FALSE}.</li>
 * </ol>
 * PostgreSQL's {@code nextval('..._seq'::regclass)} default means autoincrement = true and no default (the
 * expression is kept as {@code defaultDefinition}, to re-create the column with its own sequence);
 * identity columns (ALWAYS or BY DEFAULT) are autoincrement = true. SQLite: the rowid alias (the only
 * primary key column of a rowid table, declared exactly {@code INTEGER}) is autoincrement = true and not
 * nullable, with or without the AUTOINCREMENT keyword. PostgreSQL rewrites some checks
 * ({@code x IN ('a','b')} becomes {@code x = ANY (ARRAY['a', 'b'])}); that is not undone.
 *
 * <h2>Names and other forms</h2>
 * PostgreSQL reports every constraint's name (generated ones too). SQLite reports a primary key, unique or
 * foreign key name only when the CREATE TABLE text gave one ({@code CONSTRAINT name}), else null. Unique
 * constraints come from SQLite's auto-indexes (origin u); indexes created by CREATE INDEX are indexes;
 * expression index columns are canonical expressions (SQLite) or {@code pg_get_indexdef} text
 * (PostgreSQL). A foreign key to another PostgreSQL schema names its table {@code schema.table}. Lists
 * within a table are sorted by name (unnamed last, in declaration order). SQLite tables keep their CREATE
 * statement in {@code definition}; virtual tables are VIRTUAL with their CREATE VIRTUAL TABLE text and no
 * columns. Triggers and views keep their whole CREATE statements.
 */
package dev.migrate.reflect;
