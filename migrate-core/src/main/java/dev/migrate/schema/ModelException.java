package dev.migrate.schema;

/** A model that cannot be read: the one-line message names the class (and field) and what to do. */
public class ModelException extends RuntimeException {

    public ModelException(String message) {
        super(message);
    }
}
