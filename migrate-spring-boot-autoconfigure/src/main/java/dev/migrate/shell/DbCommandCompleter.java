package dev.migrate.shell;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.jline.CommandCompleter;

import java.util.List;
import java.util.Optional;

/**
 * Shell 4.0.1's {@link CommandCompleter} finds the command by joining every word of the line up to the
 * first one that starts with {@code -}: {@code db upgrade 9a} is looked up as the command
 * {@code "db upgrade 9a"}, which does not exist, so a command's {@code CompletionProvider} is only asked
 * when the word being completed is empty ({@code db upgrade <Tab>}) or after an option. For lines that
 * start with {@code db <verb>} this completer asks {@link DbCompletion} itself, with the same
 * {@link CompletionContext} Shell would have built; every other line goes to Shell's completer.
 */
public final class DbCommandCompleter extends CommandCompleter {

    private final CommandRegistry registry;
    private final DbCompletion completion;

    public DbCommandCompleter(CommandRegistry registry, DbCompletion completion) {
        super(registry);
        this.registry = registry;
        this.completion = completion;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        Optional<DbVerb> verb = dbVerb(line.words(), line.wordIndex());
        if (verb.isEmpty()) {
            super.complete(reader, line, candidates);
            return;
        }
        Command command = registry.getCommandByName("db " + verb.get().verb());
        CompletionContext context = new CompletionContext(line.words(), line.wordIndex(), line.wordCursor(), command, null);
        for (CompletionProposal proposal : completion.propose(verb.get(), context)) {
            candidates.add(new Candidate(proposal.value(), proposal.displayText(), proposal.category(),
                    proposal.description(), null, null, true));
        }
    }

    /** The verb when the cursor is past {@code db <verb>}, in an argument or option of a known verb. */
    static Optional<DbVerb> dbVerb(List<String> words, int wordIndex) {
        if (wordIndex < 2 || words.size() < 2 || !"db".equals(words.get(0))) {
            return Optional.empty();
        }
        return DbVerb.named(words.get(1));
    }
}
