package dev.migrate.demo;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrationPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Says, once the app is up, which revision the database is at and how many articles it holds: the
 * proof that the startup upgrade ran before the first query. A listener rather than an ApplicationRunner,
 * because any ApplicationRunner bean switches Spring Shell's prompt off.
 */
@Component
class BlogStatusReport {

    private static final Logger log = LoggerFactory.getLogger(BlogStatusReport.class);

    private final Migrate migrate;
    private final JdbcClient jdbc;

    BlogStatusReport(Migrate migrate, JdbcClient jdbc) {
        this.migrate = migrate;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        MigrationPosition position = migrate.position();
        if (!position.unknownInDatabase().isEmpty()) {
            // an older image on a database a newer one migrated: the starter has said so (WARN); db current marks it ahead
            log.warn("Blog database at revision {}, which this version of the blog does not know",
                    String.join(", ", position.unknownInDatabase()));
            return;
        }
        String revision = String.join(", ", migrate.current(false).lines());
        try {
            long articles = jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single();
            log.info("Blog database at revision {} with {} article(s)", revision, articles);
        } catch (DataAccessException e) {
            log.warn("Blog database at revision {} has no article table yet: run init-db (or db upgrade)",
                    revision.isEmpty() ? "<base>" : revision);
        }
    }
}
