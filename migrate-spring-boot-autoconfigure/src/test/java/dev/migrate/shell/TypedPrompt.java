package dev.migrate.shell;

import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.InteractiveShellRunner;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Spring Shell's own prompt loop ({@link InteractiveShellRunner}, which JLine's and the system console's prompts
 * extend only with a terminal) fed typed lines, with the screen kept as text. A person answers "n" to questions.
 */
final class TypedPrompt extends InteractiveShellRunner {

    private final Deque<String> typed;
    private final StringWriter screen = new StringWriter();
    private final PrintWriter writer = new PrintWriter(screen, true);

    private TypedPrompt(Deque<String> typed, CommandParser parser, CommandRegistry registry) {
        super(typed::poll, parser, registry);
        this.typed = typed;
    }

    /** Types each line, then {@code exit}, and returns the screen, one entry a line. */
    static List<String> type(CommandParser parser, CommandRegistry registry, String... lines) throws Exception {
        Deque<String> typed = new ArrayDeque<>(List.of(lines));
        typed.add("exit");
        TypedPrompt prompt = new TypedPrompt(typed, parser, registry);
        prompt.run(new String[0]);
        return prompt.screen.toString().lines().toList();
    }

    @Override
    public void print(String message) {
        writer.println(message);
    }

    @Override
    public void flush() {
        writer.flush();
    }

    @Override
    public PrintWriter getWriter() {
        return writer;
    }

    @Override
    public InputReader getReader() {
        return new InputReader() {
            @Override
            public String readInput(String prompt) {
                writer.print(prompt);
                return "n";
            }
        };
    }
}
