package dev.migrate.demo;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Which database the blog runs on, from {@code spring.datasource.url}, and a check that the scripts the
 * configuration picks are that database's: SQLite's scripts use FTS5, PostgreSQL's a tsvector column,
 * and running one database's scripts on the other fails half-way through the first upgrade.
 */
@Component
public class BlogDatabase {

    public enum Kind { SQLITE, POSTGRESQL }

    private final Kind kind;

    BlogDatabase(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        boolean postgresProfile = environment.acceptsProfiles(Profiles.of("postgres"));
        this.kind = url.startsWith("jdbc:postgresql:") ? Kind.POSTGRESQL : Kind.SQLITE;
        if (kind == Kind.POSTGRESQL && !postgresProfile) {
            throw new WrongDatabaseException("spring.datasource.url is a PostgreSQL database: run with "
                    + "--spring.profiles.active=postgres, which reads PostgreSQL's scripts (db/migrations-postgresql)");
        }
        if (kind == Kind.SQLITE && postgresProfile) {
            throw new WrongDatabaseException("the postgres profile needs a PostgreSQL database: give "
                    + "--spring.datasource.url=jdbc:postgresql://host/db (and --spring.datasource.username=...), "
                    + "or SPRING_DATASOURCE_URL; it is " + (url.isEmpty() ? "not set" : url));
        }
    }

    /** Reported by {@link WrongDatabaseAnalyzer} as Boot reports its own start-up failures: what and what to do. */
    static final class WrongDatabaseException extends RuntimeException {
        WrongDatabaseException(String message) {
            super(message);
        }
    }

    public Kind kind() {
        return kind;
    }
}
