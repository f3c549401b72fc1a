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
        return console != null && console.charset().newEncoder().canEncode(UNICODE_CHARACTERS)
                ? GraphPicture.Style.UNICODE : GraphPicture.Style.ASCII;
    }
}
