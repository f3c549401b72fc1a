package dev.migrate.shell;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

import java.io.PrintStream;

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
        int status = executor.execute(DbCommandLineParser.commandWords(arguments.getSourceArgs()), new StreamConsole(out, err));
        out.flush();
        err.flush();
        exit.exit(status);
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
