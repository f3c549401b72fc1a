package dev.migrate.shell;

import dev.migrate.graph.GraphPicture;

import java.io.Console;

/**
 * Which characters {@code db history --graph} draws with: Unicode box drawing when the process writes to a
 * terminal whose character set has them, plain ASCII otherwise (a pipe, a file, CI logs, a terminal without
 * UTF-8), so that saved output is readable anywhere and the same picture is compared in tests.
 */
final class GraphStyle {

    private static final String UNICODE_CHARACTERS = "│┊╱╲●◉";

    private GraphStyle() {
    }

    static GraphPicture.Style forConsole() {
        Console console = System.console();
        return console != null && isTerminal(console) && console.charset().newEncoder().canEncode(UNICODE_CHARACTERS)
                ? GraphPicture.Style.UNICODE : GraphPicture.Style.ASCII;
    }

    /**
     * Up to Java 21 a console exists only when standard input and output are a terminal; from Java 22 one may exist
     * with output redirected, and {@code Console.isTerminal()} (absent from Java 17's API, hence reflection) tells.
     */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
