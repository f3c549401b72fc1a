package dev.migrate.shell;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import dev.migrate.command.RevisionListing;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tab completion for {@code db} commands: revision ids, branch labels and the revision symbols where a
 * revision goes (the positional argument of upgrade, downgrade, show, stamp, merge, and after
 * {@code --head}, {@code --depends-on}, {@code -r}), the verb's options elsewhere.
 */
public final class DbCompletion {

    private static final Set<String> REVISION_OPTIONS = Set.of("--head", "--depends-on", "-r", "--rev-range");
    private static final List<String> SYMBOLS = List.of("head", "heads", "base");

    private final Migrate migrate;

    public DbCompletion(Migrate migrate) {
        this.migrate = migrate;
    }

    CompletionProvider forVerb(DbVerb verb) {
        return context -> propose(verb, context);
    }

    List<CompletionProposal> propose(DbVerb verb, CompletionContext context) {
        String current = context.currentWordUpToCursor() == null ? "" : context.currentWordUpToCursor();
        List<String> words = context.getWords();
        int index = context.getWordIndex();
        String previous = index > 0 && index - 1 < words.size() ? words.get(index - 1) : "";
        List<String> candidates = new ArrayList<>();
        if (current.startsWith("--") || (current.startsWith("-") && !current.matches("-\\d*"))) {
            verb.options().forEach(option -> candidates.add("--" + option.longName()));
            candidates.add("--help");
        } else if (verb.takesRevisions() || REVISION_OPTIONS.contains(previous)) {
            candidates.addAll(revisions());
            candidates.addAll(SYMBOLS);
        }
        return candidates.stream().filter(candidate -> candidate.startsWith(current)).distinct()
                .map(CompletionProposal::new).toList();
    }

    /** Revision ids, then each branch label alone and as {@code label@head}, as Alembic accepts them. */
    private List<String> revisions() {
        try {
            RevisionListing all = migrate.history(null, false, false);
            List<String> candidates = new ArrayList<>(all.revisions());
            for (String label : all.branchLabels()) {
                candidates.add(label);
                candidates.add(label + "@head");
            }
            return candidates;
        } catch (MigrateException e) {
            // Completion must never break the prompt: broken scripts simply offer nothing.
            return List.of();
        }
    }
}
