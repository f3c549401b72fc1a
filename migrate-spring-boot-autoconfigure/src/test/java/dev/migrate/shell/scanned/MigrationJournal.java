package dev.migrate.shell.scanned;

import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/** What the callback writes to: a service the command needs through the callback. */
@Service
public class MigrationJournal {

    private final List<String> revisions = new ArrayList<>();

    public List<String> revisions() {
        return revisions;
    }
}
