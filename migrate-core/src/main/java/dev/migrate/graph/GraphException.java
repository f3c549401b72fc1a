package dev.migrate.graph;

/**
 * The one type every revision-graph error extends, so that callers can catch them all. Messages are
 * one line, ready to show to a user, and say what to do next; the command layer adds only context
 * (such as the script file a revision came from).
 */
public class GraphException extends RuntimeException {

    public GraphException(String message) {
        super(message);
    }
}
