package dev.migrate.it;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A revision that changes the session (as every {@code pg_dump} output does) changes neither the engine's own
 * bookkeeping nor the revisions after it; and database errors name their real cause.
 */
class SessionStateTest {

    @TempDir
    Path tmp;

    @Test
    void aPgDumpRevisionLeavesTheSessionAsTheRunFoundIt() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        String owner = db.server().user();
        files.writeRaw("d00000000001_schema_dump.sql", """
                -- schema dump
                --
                -- Revision ID: d00000000001
                -- Revises:
                -- Create Date: 2026-11-21 10:00:00.000000

                -- migrate:upgrade
                --
                -- PostgreSQL database dump
                --

                -- Dumped from database version 15.18
                -- Dumped by pg_dump version 15.18

                SET statement_timeout = 0;
                SET lock_timeout = 0;
                SET idle_in_transaction_session_timeout = 0;
                SET client_encoding = 'UTF8';
                SET standard_conforming_strings = on;
                SELECT pg_catalog.set_config('search_path', '', false);
                SET check_function_bodies = false;
                SET xmloption = content;
                SET client_min_messages = warning;
                SET row_security = off;

                SET default_tablespace = '';

                SET default_table_access_method = heap;

                --
                -- Name: authors; Type: TABLE; Schema: public; Owner: %1$s
                --

                CREATE TABLE public.authors (
                    id integer NOT NULL,
                    name character varying(80) NOT NULL
                );


                ALTER TABLE public.authors OWNER TO %1$s;

                --
                -- Name: authors_id_seq; Type: SEQUENCE; Schema: public; Owner: %1$s
                --

                CREATE SEQUENCE public.authors_id_seq
                    AS integer
                    START WITH 1
                    INCREMENT BY 1
                    NO MINVALUE
                    NO MAXVALUE
                    CACHE 1;


                ALTER TABLE public.authors_id_seq OWNER TO %1$s;

                --
                -- Name: authors_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: %1$s
                --

                ALTER SEQUENCE public.authors_id_seq OWNED BY public.authors.id;


                --
                -- Name: authors id; Type: DEFAULT; Schema: public; Owner: %1$s
                --

                ALTER TABLE ONLY public.authors ALTER COLUMN id SET DEFAULT nextval('public.authors_id_seq'::regclass);


                --
                -- Name: authors authors_pkey; Type: CONSTRAINT; Schema: public; Owner: %1$s
                --

                ALTER TABLE ONLY public.authors
                    ADD CONSTRAINT authors_pkey PRIMARY KEY (id);


                --
                -- PostgreSQL database dump complete
                --

                -- migrate:downgrade
                DROP TABLE public.authors;
                """.formatted(owner));
        files.write("d00000000002", "d00000000001", "notes",
                "CREATE TABLE session_seen (search_path TEXT, check_bodies TEXT, min_messages TEXT, row_security TEXT);\n"
                        + "INSERT INTO session_seen VALUES (current_setting('search_path'), current_setting('check_function_bodies'), "
                        + "current_setting('client_min_messages'), current_setting('row_security'));\n"
                        + "CREATE TABLE notes (id SERIAL PRIMARY KEY, author_id INTEGER REFERENCES authors (id));",
                "DROP TABLE notes;\nDROP TABLE session_seen;");
        Migrate migrate = Engines.over(db, files.directory());

        assertThat(migrate.upgrade("head").steps()).hasSize(2);

        assertThat(migrate.current(false).revisions()).containsExactly("d00000000002");
        assertThat(db.queryStrings("SELECT search_path || ' ' || check_bodies || ' ' || min_messages || ' ' || row_security "
                + "FROM session_seen")).containsExactly("\"$user\", public on notice on");
        assertThat(db.queryStrings("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                + "WHERE table_name IN ('authors', 'notes') ORDER BY 1")).containsExactly("public.authors", "public.notes");
        assertThat(db.queryStrings("SELECT revision FROM migrate_log WHERE success AND direction <> 'digest' ORDER BY id"))
                .containsExactly("d00000000001", "d00000000002");
    }

    @Test
    void aFailureAfterTheSearchPathWasEmptiedIsLoggedAndNamesItsCause() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        // Without a transaction, nothing rolls the emptied search path back: the failure's log row must still land.
        files.writeRaw("e00000000001_broken_dump.sql", """
                -- broken dump
                --
                -- Revision ID: e00000000001
                -- Revises:
                -- Create Date: 2026-11-21 10:00:00.000000
                -- migrate:no-transaction

                -- migrate:upgrade
                SELECT pg_catalog.set_config('search_path', '', false);
                CREATE TABLE public.a (id INTEGER);
                CREATE TABLE public.b (id INTEGER REFERENCES public.nowhere (id));

                -- migrate:downgrade
                DROP TABLE public.a;
                """);
        Migrate migrate = Engines.over(db, files.directory());

        assertThatThrownBy(() -> migrate.upgrade("head")).isInstanceOf(MigrateException.class)
                .hasMessageContaining("e00000000001_broken_dump.sql:11").hasMessageContaining("nowhere")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("connection settings"));
        assertThat(db.queryStrings("SELECT revision FROM migrate_log WHERE NOT success")).containsExactly("e00000000001");
    }

    @Test
    void aDatabaseErrorNamesItsCauseAndOnlyAConnectionFailureTheConnectionSettings() throws Exception {
        TestDatabase.Postgres db = TestDatabase.postgres();
        // A log table of some other tool, with other columns, under the engine's default name.
        db.execute("CREATE TABLE migrate_log (id INTEGER, what TEXT)");
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("f00000000001", "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");

        assertThatThrownBy(() -> Engines.over(db, files.directory()).upgrade("head")).isInstanceOf(MigrateException.class)
                .hasMessageContaining("revision")
                .hasMessageContaining("migrate_log")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("connection settings").doesNotContain("\n"));

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setURL("jdbc:postgresql://127.0.0.1:" + closedPort + "/nothing");
        unreachable.setUser("nobody");
        assertThatThrownBy(() -> new Migrate(MigrateConfig.builder().dataSource(unreachable)
                .scriptDirectory(files.directory()).build()).upgrade("head"))
                .isInstanceOf(MigrateException.class).hasMessageContaining("connection settings");
    }

    @Test
    void sqliteWaitsForAnotherWriterAsLongAsTheLockTimeoutThenSaysWhoBlocks() throws Exception {
        TestDatabase.Sqlite db = TestDatabase.sqlite(tmp.resolve("app.db"));
        db.execute("CREATE TABLE t (id INTEGER)");
        ScriptFiles files = new ScriptFiles(tmp.resolve("migrations"));
        files.write("s00000000001", "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
        Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(db.dataSource())
                .scriptDirectory(files.directory()).lock(true, Duration.ofMillis(500)).build());

        try (Connection writer = db.dataSource().getConnection(); Statement statement = writer.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("INSERT INTO t VALUES (1)");
            assertThatThrownBy(() -> migrate.upgrade("head")).isInstanceOf(MigrateException.class)
                    .hasMessageContaining("another process holds the write lock on " + db.file())
                    .hasMessageContaining("migrate.lock-timeout")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("connection settings").doesNotContain("\n"));
            statement.execute("ROLLBACK");
        }
        assertThat(migrate.upgrade("head").steps()).hasSize(1);
    }
}
