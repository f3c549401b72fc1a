--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET lock_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: touch_updated(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.touch_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: actor; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.actor (
    actor_id integer NOT NULL,
    first_name character varying(45) NOT NULL,
    last_name character varying(45) NOT NULL,
    last_update timestamp without time zone DEFAULT now() NOT NULL
);

--
-- Name: actor_actor_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.actor_actor_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.actor_actor_id_seq OWNED BY public.actor.actor_id;

--
-- Name: film; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.film (
    film_id integer NOT NULL,
    title character varying(255) NOT NULL,
    description text,
    release_year integer,
    rental_rate numeric(4,2) DEFAULT 4.99 NOT NULL,
    rating character varying(10) DEFAULT 'G'::character varying,
    added_on date DEFAULT ('now'::text)::date NOT NULL,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    fulltext tsvector,
    updated_at timestamp with time zone
);

CREATE SEQUENCE public.film_film_id_seq
    AS integer
    START WITH 1000
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.film_film_id_seq OWNED BY public.film.film_id;

--
-- Name: film_actor; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.film_actor (
    actor_id integer NOT NULL,
    film_id integer NOT NULL,
    last_update timestamp without time zone DEFAULT now() NOT NULL
);

--
-- Name: archived_film; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.archived_film (
    archived_on date DEFAULT CURRENT_DATE NOT NULL
)
INHERITS (public.film);

--
-- Name: payment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.payment (
    payment_id integer NOT NULL,
    film_id integer NOT NULL,
    amount numeric(5,2) NOT NULL,
    payment_date timestamp without time zone NOT NULL
)
PARTITION BY RANGE (payment_date);

--
-- Name: payment_p2022; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.payment_p2022 (
    payment_id integer NOT NULL,
    film_id integer NOT NULL,
    amount numeric(5,2) NOT NULL,
    payment_date timestamp without time zone NOT NULL
);

--
-- Name: language; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.language (
    language_id integer NOT NULL,
    name character(20) NOT NULL
);

ALTER TABLE public.language ALTER COLUMN language_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.language_language_id_seq
    START WITH 100
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: film_list; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.film_list AS
 SELECT f.film_id,
    f.title,
    a.first_name,
    a.last_name
   FROM ((public.film f
     JOIN public.film_actor fa ON ((fa.film_id = f.film_id)))
     JOIN public.actor a ON ((a.actor_id = fa.actor_id)));

--
-- Name: recent_film_list; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.recent_film_list AS
 SELECT film_list.film_id,
    film_list.title
   FROM public.film_list
  WHERE (film_list.film_id > 100);

--
-- Name: rating_counts; Type: MATERIALIZED VIEW; Schema: public; Owner: -
--

CREATE MATERIALIZED VIEW public.rating_counts AS
 SELECT film.rating,
    count(*) AS films
   FROM public.film
  GROUP BY film.rating
  WITH NO DATA;

ALTER TABLE ONLY public.payment ATTACH PARTITION public.payment_p2022 FOR VALUES FROM ('2022-01-01 00:00:00') TO ('2023-01-01 00:00:00');

ALTER TABLE ONLY public.actor ALTER COLUMN actor_id SET DEFAULT nextval('public.actor_actor_id_seq'::regclass);

ALTER TABLE ONLY public.film ALTER COLUMN film_id SET DEFAULT nextval('public.film_film_id_seq'::regclass);

ALTER TABLE ONLY public.actor
    ADD CONSTRAINT actor_pkey PRIMARY KEY (actor_id);

ALTER TABLE ONLY public.film_actor
    ADD CONSTRAINT film_actor_pkey PRIMARY KEY (actor_id, film_id);

ALTER TABLE ONLY public.film
    ADD CONSTRAINT film_pkey PRIMARY KEY (film_id);

ALTER TABLE ONLY public.language
    ADD CONSTRAINT language_pkey PRIMARY KEY (language_id);

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_pkey PRIMARY KEY (payment_id, payment_date);

ALTER TABLE ONLY public.payment_p2022
    ADD CONSTRAINT payment_p2022_pkey PRIMARY KEY (payment_id, payment_date);

ALTER INDEX public.payment_pkey ATTACH PARTITION public.payment_p2022_pkey;

CREATE INDEX film_fulltext_idx ON public.film USING gist (fulltext);

CREATE UNIQUE INDEX idx_actor_name ON public.actor USING btree (lower((last_name)::text), first_name varchar_pattern_ops);

CREATE INDEX idx_recent_title ON public.film USING btree (release_year DESC NULLS LAST) INCLUDE (title) WHERE (release_year > 2000);

CREATE INDEX idx_tags ON public.film USING gin (tags);

CREATE RULE film_list_insert AS
    ON INSERT TO public.film_list DO INSTEAD NOTHING;

CREATE RULE film_no_delete AS
    ON DELETE TO public.film
   WHERE (old.release_year < 1900) DO INSTEAD NOTHING;

CREATE TRIGGER film_touch BEFORE UPDATE ON public.film FOR EACH ROW EXECUTE FUNCTION public.touch_updated();

ALTER TABLE ONLY public.film_actor
    ADD CONSTRAINT film_actor_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.actor(actor_id) ON UPDATE CASCADE ON DELETE RESTRICT;

ALTER TABLE ONLY public.film_actor
    ADD CONSTRAINT film_actor_film_id_fkey FOREIGN KEY (film_id) REFERENCES public.film(film_id) ON UPDATE CASCADE ON DELETE RESTRICT;

ALTER TABLE public.payment
    ADD CONSTRAINT payment_film_id_fkey FOREIGN KEY (film_id) REFERENCES public.film(film_id);

--
-- Name: actor; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.actor ENABLE ROW LEVEL SECURITY;

CREATE POLICY actor_visible ON public.actor USING ((last_name IS NOT NULL));

--
-- Name: TABLE film; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.film IS 'A film in the catalogue';

--
-- Name: COLUMN film.rental_rate; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.film.rental_rate IS 'Per day, in dollars';

--
-- Name: INDEX idx_tags; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON INDEX public.idx_tags IS 'For tag searches';

--
-- Name: TABLE language; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.language IS 'Spoken languages';

--
-- Name: COLUMN language.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.language.name IS 'The language''s name, as it calls itself';

--
-- Name: TABLE film_actor; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.film_actor TO PUBLIC;

--
-- PostgreSQL database dump complete
--
