package dev.migrate.shell;

import org.springframework.shell.core.InputReader;
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
        boolean atThePrompt = someoneAnswers(context.inputReader());
        int status = logs.quietly(() -> executor.execute(words, new ShellConsole(context, style, atThePrompt)));
        context.outputWriter().flush();
        if (status == DbCommandExecutor.OK || atThePrompt) {
            // Shell's prompt follows any status but OK with "Error while executing command db: EXECUTION_ERROR",
            // and an exception with "Unable to run command dbupgrade: ...", under the one-line error the command
            // has already printed (in red): at the prompt a failure is reported once, by the command.
            return ExitStatus.OK;
        }
        // Without a person (Shell's script command, @file, a non-interactive run) only an exception stops the
        // remaining commands (a status is logged and ignored by script) and makes a non-interactive run exit 1.
        throw new DbCommandFailedException("db " + String.join(" ", words), status);
    }

    /**
     * Whether a person is at Shell's prompt: the prompts' readers (JLine's, the system console's) read lines,
     * while the reader that Shell gives commands run by {@code script}, {@code @file} or a non-interactive run
     * keeps {@link InputReader}'s default, which cannot.
     */
    static boolean someoneAnswers(InputReader reader) {
        try {
            return reader != null && reader.getClass().getMethod("readInput", String.class).getDeclaringClass() != InputReader.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * The prompt's output, and questions answered through the shell's own input reader. Not interactive in a
     * script: nobody can answer there, so the command behaves as on the one-shot command line.
     */
    private record ShellConsole(CommandContext context, DbOutputStyle style, boolean interactive) implements DbConsole {

        @Override
        public void out(String text) {
            writer().println(text);
        }

        @Override
        public void err(String text) {
            writer().println(style.error(text));
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
