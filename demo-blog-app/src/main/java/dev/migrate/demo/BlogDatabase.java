package dev.migrate.demo;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which database the blog runs on, from {@code spring.datasource.url}. The scripts follow by themselves:
 * {@code migrate.locations=classpath:db/migrations/{vendor}} reads SQLite's (FTS5), PostgreSQL's (tsvector), or MariaDB's (FULLTEXT).
 */
@Component
public class BlogDatabase {

    public enum Kind { SQLITE, POSTGRESQL, MARIADB }

    private final Kind kind;

    BlogDatabase(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql:")) {
            this.kind = Kind.POSTGRESQL;
        } else if (url.startsWith("jdbc:mariadb:")) {
            this.kind = Kind.MARIADB;
        } else {
            this.kind = Kind.SQLITE;
        }
    }

    public Kind kind() {
        return kind;
    }
}
