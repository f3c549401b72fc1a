package dev.migrate.script;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The part of a file name made from the message, as Alembic's: lowercase words joined by underscores,
 * cut at a word boundary to at most {@value #MAX_LENGTH} characters ({@code truncate_slug_length}).
 * Accents are dropped and other characters become separators, so file names stay portable.
 */
final class Slug {

    static final int MAX_LENGTH = 40;

    private Slug() {
    }

    static String of(String message) {
        if (message == null) {
            return "";
        }
        String ascii = Normalizer.normalize(message, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() <= MAX_LENGTH) {
            return slug;
        }
        String cut = slug.substring(0, MAX_LENGTH);
        int lastBreak = cut.lastIndexOf('_');
        // keep whole words when the cut fell inside one, as Alembic does; one long word is simply cut
        if (slug.charAt(MAX_LENGTH) != '_' && lastBreak > 0) {
            cut = cut.substring(0, lastBreak);
        }
        return cut.replaceAll("_+$", "");
    }
}
