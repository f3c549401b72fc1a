package dev.migrate.shell.scanned;

import dev.migrate.runtime.MigrationCallback;
import dev.migrate.runtime.MigrationEvent;
import org.springframework.stereotype.Component;

/** A callback in a scanned component, depending on another. */
@Component
class JournalingCallback implements MigrationCallback {

    private final MigrationJournal journal;

    JournalingCallback(MigrationJournal journal) {
        this.journal = journal;
    }

    @Override
    public void afterRevision(MigrationEvent event) {
        event.revision().ifPresent(journal::record);
    }
}
