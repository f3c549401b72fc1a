package dev.migrate.shell;

import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.ParsedInput;

import java.util.List;

/**
 * Spring Shell's parser loses quoting and misreads flags after two-word commands, so lines that start
 * with {@code db <verb>} are split here, quote-aware, and handed to the command as plain words; every
 * other line goes to the parser the application would have had.
 */
public final class DbCommandParser implements CommandParser {

    private final CommandParser delegate;

    public DbCommandParser(CommandParser delegate) {
        this.delegate = delegate;
    }

    @Override
    public ParsedInput parse(String input) {
        List<String> words;
        try {
            words = ShellWords.split(input);
        } catch (DbUsageException e) {
            return delegate.parse(input);
        }
        if (words.size() < 2 || !words.get(0).equals("db") || DbVerb.named(words.get(1)).isEmpty()) {
            return delegate.parse(input);
        }
        ParsedInput.Builder parsed = ParsedInput.builder().commandName("db").addSubCommand(words.get(1));
        for (int i = 2; i < words.size(); i++) {
            parsed.addArgument(new CommandArgument(i - 2, words.get(i)));
        }
        return parsed.build();
    }
}
