package dev.migrate.autoconfigure.models;

import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;

/** A model the package scan must find. */
@Table(name = "scanned_note")
public record ScannedNote(@Id Integer id, String body) {
}
