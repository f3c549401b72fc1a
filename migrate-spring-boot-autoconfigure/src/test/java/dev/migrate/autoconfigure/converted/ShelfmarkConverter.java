package dev.migrate.autoconfigure.converted;

import jakarta.persistence.AttributeConverter;

/** Needs a bean of the application: only a Spring bean container can create it (no no-argument constructor). */
public class ShelfmarkConverter implements AttributeConverter<String, String> {

    private final ConvertedApplication.Library library;

    public ShelfmarkConverter(ConvertedApplication.Library library) {
        this.library = library;
    }

    @Override
    public String convertToDatabaseColumn(String shelfmark) {
        return shelfmark == null ? null : library.code() + ":" + shelfmark;
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return column == null ? null : column.substring(column.indexOf(':') + 1);
    }
}
