package dev.migrate.shell;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import dev.migrate.command.RevisionListing;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tab completion for {@code db} commands: revision ids, branch labels and the revision symbols where a
 * revision goes (the positional argument of upgrade, downgrade, show, stamp, merge, and after
 * {@code --head}, {@code --depends-on}, {@code -r}), the verb's options elsewhere, with the global
 * {@code --database} whose values are the Migrate beans' names, and with a fleet {@code --target} whose values are its
 * targets' names. Revisions come from the scripts of the engine the line's {@code --database} names, else of the default
 * one (a fleet's targets share the default one's scripts).
 */
public final class DbCompletion {

    private static final Set<String> REVISION_OPTIONS = Set.of("--head", "--depends-on", "-r", "--rev-range");
    private static final List<String> SYMBOLS = List.of("head", "heads", "base");

    private static final String DATABASE = "--" + DbCommandLineParser.DATABASE;
    private static final String TARGET = "--" + DbCommandLineParser.TARGET;

    private final Migrate migrate;
    private final Map<String, Migrate> engines;
    private final List<String> targets;

    public DbCompletion(Migrate migrate) {
        this(migrate, Map.of());
    }

    /**
     * @param migrate the engine whose revisions complete by default
     * @param engines every engine by bean name, which {@code --database} completes to and chooses from
     */
    public DbCompletion(Migrate migrate, Map<String, Migrate> engines) {
        this(migrate, engines, List.of());
    }

    /** @param targets the fleet's target names, which {@code --target} completes to; empty: no fleet */
    public DbCompletion(Migrate migrate, Map<String, Migrate> engines, List<String> targets) {
        this.migrate = migrate;
        this.engines = new TreeMap<>(engines);
        this.targets = List.copyOf(targets);
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
        if (DATABASE.equals(previous)) {
            candidates.addAll(engines.keySet());
        } else if (current.startsWith(DATABASE + "=")) {
            engines.keySet().forEach(name -> candidates.add(DATABASE + "=" + name));
        } else if (TARGET.equals(previous)) {
            candidates.addAll(targets);
        } else if (current.startsWith(TARGET + "=")) {
            targets.forEach(name -> candidates.add(TARGET + "=" + name));
        } else if (current.startsWith("--") || (current.startsWith("-") && !current.matches("-\\d*"))) {
            verb.options().forEach(option -> candidates.add("--" + option.longName()));
            if (!engines.isEmpty()) {
                candidates.add(DATABASE);
            }
            if (!targets.isEmpty()) {
                candidates.add(TARGET);
            }
            candidates.add("--help");
        } else if (verb.takesRevisions() || REVISION_OPTIONS.contains(previous)) {
            candidates.addAll(revisions(engineNamed(words)));
            candidates.addAll(SYMBOLS);
        }
        return candidates.stream().filter(candidate -> candidate.startsWith(current)).distinct()
                .map(CompletionProposal::new).toList();
    }

    /** The engine the line's {@code --database NAME} (or {@code --database=NAME}) names, else the default one. */
    private Migrate engineNamed(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String name = word.startsWith(DATABASE + "=") ? word.substring(DATABASE.length() + 1)
                    : DATABASE.equals(word) && i + 1 < words.size() ? words.get(i + 1) : null;
            if (name != null && engines.containsKey(name)) {
                return engines.get(name);
            }
        }
        return migrate;
    }

    /** Revision ids, then each branch label alone and as {@code label@head}, as Alembic accepts them. */
    private static List<String> revisions(Migrate migrate) {
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
