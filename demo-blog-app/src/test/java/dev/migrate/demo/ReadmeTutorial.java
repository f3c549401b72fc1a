package dev.migrate.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's commands, read from the README itself so that the tests run what a reader types. Between
 * {@code <!-- tutorial:begin -->} and {@code <!-- tutorial:end -->}: {@code console} blocks hold commands
 * ({@code $ ...}) each followed by its expected output; a block after {@code <!-- tutorial:edit PATH -->}
 * is the new content of a file; a block after {@code <!-- tutorial:script NAME -->} is the generated
 * script's body (from {@code -- migrate:upgrade}).
 */
final class ReadmeTutorial {

    sealed interface Step permits Command, Edit, Script {
    }

    /** A command line and the lines it prints ({@code <rev>} stands for a new revision id). */
    record Command(String line, List<String> expectedOutput) implements Step {
    }

    record Edit(String path, String content) implements Step {
    }

    record Script(String name, String body) implements Step {
    }

    private static final Pattern FENCE = Pattern.compile("(?m)^(<!-- tutorial:(edit|script) (\\S+) -->\\n)?```(\\w*)\\n(.*?)^```$", Pattern.DOTALL);

    private ReadmeTutorial() {
    }

    static String readme() {
        try {
            return Files.readString(DemoJar.readme());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run command of the "two commands" table: what follows {@code &&} in its first row. */
    static String runCommand() {
        Matcher row = Pattern.compile("\\| run the demo [^|]*\\| `([^`]*)` \\|").matcher(readme());
        if (!row.find()) {
            throw new AssertionError("README: the two commands table has no 'run the demo' row");
        }
        String command = row.group(1);
        return command.substring(command.indexOf("&&") + 2).strip();
    }

    static List<Step> steps() {
        String readme = readme();
        int begin = readme.indexOf("<!-- tutorial:begin -->");
        int end = readme.indexOf("<!-- tutorial:end -->");
        if (begin < 0 || end < begin) {
            throw new AssertionError("README: no <!-- tutorial:begin --> ... <!-- tutorial:end --> section");
        }
        List<Step> steps = new ArrayList<>();
        Matcher block = FENCE.matcher(readme.substring(begin, end));
        while (block.find()) {
            String body = block.group(5);
            if ("edit".equals(block.group(2))) {
                steps.add(new Edit(block.group(3), body));
            } else if ("script".equals(block.group(2))) {
                steps.add(new Script(block.group(3), body));
            } else if (block.group(4).equals("console")) {
                Command command = null;
                List<String> output = new ArrayList<>();
                for (String line : body.lines().toList()) {
                    if (line.startsWith("$ ")) {
                        if (command != null) {
                            steps.add(new Command(command.line(), List.copyOf(output)));
                        }
                        command = new Command(line.substring(2), List.of());
                        output.clear();
                    } else {
                        output.add(line);
                    }
                }
                if (command != null) {
                    steps.add(new Command(command.line(), List.copyOf(output)));
                }
            }
        }
        return steps;
    }

    /** Whether {@code actual} is {@code expected} line by line, {@code <rev>} matching any revision id. */
    static boolean matches(List<String> expected, List<String> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            String pattern = Pattern.quote(expected.get(i).strip()).replace("<rev>", "\\E[0-9a-f]{12}\\Q");
            if (!actual.get(i).strip().matches(pattern)) {
                return false;
            }
        }
        return true;
    }
}
