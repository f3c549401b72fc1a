package dev.migrate.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start-up with one database's scripts on the other database: Boot's short report instead of a stack trace. */
class WrongDatabaseAnalyzer extends AbstractFailureAnalyzer<BlogDatabase.WrongDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BlogDatabase.WrongDatabaseException cause) {
        return new FailureAnalysis("The blog's scripts do not match its database: " + cause.getMessage() + ".",
                "SQLite (the default): no profile, spring.datasource.url=jdbc:sqlite:<file>. PostgreSQL: "
                        + "--spring.profiles.active=postgres --spring.datasource.url=jdbc:postgresql://host/db "
                        + "--spring.datasource.username=<user>.", cause);
    }
}
