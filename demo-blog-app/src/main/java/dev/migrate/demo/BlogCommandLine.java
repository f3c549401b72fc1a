package dev.migrate.demo;

import dev.migrate.shell.DbCommandModeListener;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.shell.core.InputReader;
import org.springframework.stereotype.Component;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar demo-blog-app.jar init-db | seed-db | article ...}: the blog's commands, one per run,
 * as the starter's {@code db} commands are. Spring Shell's own non-interactive runner joins the arguments
 * with spaces (so {@code --title "Two words"} arrives as {@code Two}) and also receives every
 * {@code --spring...} property as a command word; here the process's arguments are handed to the same
 * Shell command as words, quoting kept, Spring properties left out. Exit status 0, 1 (the command failed,
 * one line on standard error) or 2 (no such command, or a wrong option).
 */
public final class BlogCommandLine {

    /** Set when the run is a one-shot blog command. */
    static final String ACTIVE_PROPERTY = "blog.command-line.active";

    /** The first words that make a run a one-shot blog command. */
    static final Set<String> COMMANDS = Set.of("init-db", "seed-db", "article");

    private BlogCommandLine() {
    }

    static boolean isBlogCommand(String[] args) {
        return args != null && args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Spring Boot's own {@code --some.property=value} arguments, which configure the run. */
    static boolean isSpringProperty(String word) {
        return word.startsWith("--") && word.indexOf('.') > 0 && (word.indexOf('=') < 0 || word.indexOf('.') < word.indexOf('='));
    }

    /** The command's words as Shell's parser would give them, from words the operating system already split. */
    static ParsedInput parse(List<String> words, CommandRegistry registry) {
        ParsedInput.Builder parsed = ParsedInput.builder().commandName(words.get(0));
        int next = 1;
        String name = words.get(0);
        while (next < words.size() && !registry.getCommandsByPrefix(name + " " + words.get(next)).isEmpty()) {
            name = name + " " + words.get(next);
            parsed.addSubCommand(words.get(next));
            next++;
        }
        int argument = 0;
        boolean optionsEnded = false;
        for (int i = next; i < words.size(); i++) {
            String word = words.get(i);
            if (!optionsEnded && word.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && word.startsWith("--") && word.length() > 2) {
                String option = word.substring(2);
                String value;
                int equals = option.indexOf('=');
                if (option.equals("help")) {
                    value = "true";
                } else if (equals >= 0) {
                    value = option.substring(equals + 1);
                    option = option.substring(0, equals);
                } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                    value = words.get(++i);
                } else {
                    throw new IllegalArgumentException("option '--" + option + "' needs a value (--" + option + "=...)");
                }
                parsed.addOption(CommandOption.with().longName(option).value(value).build());
            } else {
                parsed.addArgument(new CommandArgument(argument++, word));
            }
        }
        return parsed.build();
    }

    /** The database's own words for a failure, and what to do when the schema is not there yet. */
    static String message(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = (cause.getMessage() == null ? cause.toString() : cause.getMessage()).lines().findFirst().orElse("");
        if (text.contains("no such table") || text.matches("(?s).*relation \"[^\"]+\" does not exist.*")) {
            text += " - the database has no blog schema yet: run init-db (or db upgrade) first";
        }
        return text;
    }

    /** Turns the run into a one-shot command before anything starts: no web server, no prompt, quiet logs. */
    public static final class ModeListener implements SpringApplicationRunListener, Ordered {

        private final String[] args;

        public ModeListener(SpringApplication application, String[] args) {
            this.args = args;
        }

        @Override
        public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext, ConfigurableEnvironment environment) {
            if (!isBlogCommand(args)) {
                return;
            }
            // The same quiet one-shot run as the starter's db commands; as the seed's flask commands, init-db
            // creates the schema and the others use it as it is (no startup upgrade).
            Map<String, Object> settings = new HashMap<>(DbCommandModeListener.oneShotSettings());
            settings.put(ACTIVE_PROPERTY, "true");
            environment.getPropertySources().addFirst(new MapPropertySource("blogCommandLine", settings));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /**
     * Runs the command and exits. Being an {@link ApplicationRunner} it also replaces Shell's runner, which
     * would run the joined arguments a second time.
     */
    @Component
    @ConditionalOnBooleanProperty(ACTIVE_PROPERTY)
    static final class Runner implements ApplicationRunner {

        private final CommandRegistry registry;
        private final ApplicationContext context;

        Runner(CommandRegistry registry, ApplicationContext context) {
            this.registry = registry;
            this.context = context;
        }

        @Override
        public void run(ApplicationArguments arguments) {
            int status = execute(Arrays.asList(arguments.getSourceArgs()));
            System.out.flush();
            System.err.flush();
            System.exit(SpringApplication.exit(context, () -> status));
        }

        int execute(List<String> sourceArgs) {
            List<String> words = new ArrayList<>();
            for (String word : sourceArgs) {
                if (!isSpringProperty(word)) {
                    words.add(word);
                }
            }
            PrintWriter out = new PrintWriter(System.out, true);
            ParsedInput input;
            try {
                input = parse(words, registry);
            } catch (IllegalArgumentException e) {
                System.err.println(String.join(" ", words.subList(0, Math.min(2, words.size()))) + ": " + e.getMessage());
                return 2;
            }
            String name = String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of(input.commandName()),
                    input.subCommands().stream()).toList());
            if (registry.getCommandByName(name) == null) {
                System.err.println("Unknown command '" + String.join(" ", words) + "'; commands: init-db, seed-db, "
                        + "article add|list|search|categorise (and db ..., see db --help)");
                return 2;
            }
            try {
                ExitStatus status = new CommandExecutor(registry)
                        .execute(new CommandContext(input, registry, out, new InputReader() { }));
                out.flush();
                return status.code() == ExitStatus.OK.code() ? 0 : 1;
            } catch (CommandNotFoundException e) {
                System.err.println("Unknown command '" + String.join(" ", words) + "'; try: init-db, seed-db, "
                        + "article add|list|search|categorise, or db --help");
                return 2;
            } catch (CommandExecutionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof java.lang.reflect.InvocationTargetException)) {
                    cause = cause.getCause();
                }
                boolean usage = cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).startsWith("Required option");
                System.err.println(name + ": " + message(cause));
                return usage ? 2 : 1;
            }
        }
    }
}
