package dev.migrate.shell;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the one-shot {@code db} command of {@code java -jar app.jar db ...} from the process's own
 * arguments (so quoted values keep their spaces), then ends the process with the command's exit status
 * before any other runner of the application starts.
 */
public final class DbCommandLineRunner implements ApplicationRunner, Ordered {

    private final DbCommandExecutor executor;
    private final DbCommandExit exit;
    private final PrintStream out;
    private final PrintStream err;

    public DbCommandLineRunner(DbCommandExecutor executor, DbCommandExit exit, PrintStream out, PrintStream err) {
        this.executor = executor;
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        int status = executor.execute(commandWords(arguments.getSourceArgs()), new StreamConsole(out, err));
        out.flush();
        err.flush();
        exit.exit(status);
    }

    /** The words after {@code db}, leaving out Spring Boot's own {@code --some.property=value} arguments. */
    static List<String> commandWords(String[] sourceArgs) {
        List<String> words = new ArrayList<>();
        for (String word : Arrays.asList(sourceArgs).subList(1, sourceArgs.length)) {
            boolean springProperty = word.startsWith("--") && word.indexOf('.') > 0
                    && (word.indexOf('=') < 0 || word.indexOf('.') < word.indexOf('='));
            if (!springProperty) {
                words.add(word);
            }
        }
        return words;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** The process's standard streams; nobody is there to answer questions. */
    private record StreamConsole(PrintStream out, PrintStream err) implements DbConsole {

        @Override
        public void out(String text) {
            out.println(text);
        }

        @Override
        public void err(String text) {
            err.println(text);
        }

        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public boolean confirm(String question) {
            return false;
        }
    }
}
