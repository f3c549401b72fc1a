package dev.migrate.shell;

import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code db <verb>} command at the interactive prompt. Its words come from {@link DbCommandParser},
 * unchanged, and run through the same {@link DbCommandExecutor} as the one-shot command line.
 */
public final class DbShellCommand extends AbstractCommand {

    static final String GROUP = "Database migrations";

    private final DbVerb verb;
    private final DbCommandExecutor executor;
    private final DbOutputStyle style;
    private final DbCommandLogs logs;

    public DbShellCommand(DbVerb verb, DbCommandExecutor executor, DbCompletion completion) {
        this(verb, executor, completion, DbOutputStyle.PLAIN, DbCommandLogs.none());
    }

    DbShellCommand(DbVerb verb, DbCommandExecutor executor, DbCompletion completion, DbOutputStyle style,
                   DbCommandLogs logs) {
        super("db " + verb.verb(), verb.description(), GROUP);
        this.verb = verb;
        this.executor = executor;
        this.style = style;
        this.logs = logs;
        setCompletionProvider(completion.forVerb(verb));
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        return doExecute(context);
    }

    @Override
    public ExitStatus doExecute(CommandContext context) {
        List<String> words = new ArrayList<>();
        words.add(verb.verb());
        context.parsedInput().arguments().stream().map(CommandArgument::value).forEach(words::add);
        logs.quietly(() -> executor.execute(words, new ShellConsole(context, style)));
        context.outputWriter().flush();
        // Shell's prompt follows any status but OK with "Error while executing command db: EXECUTION_ERROR",
        // under the one-line error the command has already printed (in red): at the prompt a failure is
        // reported once, by the command. The one-shot command line exits with 1 or 2.
        return ExitStatus.OK;
    }

    /** The prompt's output, and questions answered through the shell's own input reader. */
    private record ShellConsole(CommandContext context, DbOutputStyle style) implements DbConsole {

        @Override
        public void out(String text) {
            writer().println(text);
        }

        @Override
        public void err(String text) {
            writer().println(style.error(text));
        }

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public boolean confirm(String question) {
            writer().flush();
            try {
                String answer = context.inputReader().readInput(style.question(question + " [y/N]") + " ");
                return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
            } catch (Exception e) {
                return false;
            }
        }

        private PrintWriter writer() {
            return context.outputWriter();
        }
    }
}
