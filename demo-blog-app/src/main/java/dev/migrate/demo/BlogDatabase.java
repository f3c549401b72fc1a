package dev.migrate.demo;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which database the blog runs on, from {@code spring.datasource.url}. The scripts follow by themselves:
 * {@code migrate.locations=classpath:db/migrations/{vendor}} reads SQLite's (FTS5) or PostgreSQL's (tsvector).
 */
@Component
public class BlogDatabase {

    public enum Kind { SQLITE, POSTGRESQL }

    private final Kind kind;

    BlogDatabase(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        this.kind = url.startsWith("jdbc:postgresql:") ? Kind.POSTGRESQL : Kind.SQLITE;
    }

    public Kind kind() {
        return kind;
    }
}
