package dev.migrate.schema;

/** A CHECK constraint; {@code expression} is the condition without the surrounding CHECK ( ). */
public record CheckConstraint(String name, String expression) {
}
