package dev.migrate.shell.scanned;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;

/** What the callback writes to: a transactional service the command needs through the callback. */
@Service
public class MigrationJournal {

    private final List<String> revisions = new ArrayList<>();

    /** Notes a revision, and whether it was noted in a transaction ({@code @Transactional} still applies). */
    @Transactional
    public void record(String revision) {
        revisions.add(revision + (TransactionSynchronizationManager.isActualTransactionActive() ? "" : " (no transaction)"));
    }

    public List<String> revisions() {
        return revisions;
    }
}
