package dev.migrate.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The checksum recorded for a script: SHA-256 over normalised content, so that what editors and Git do to
 * files without changing their meaning (line endings, a byte order mark, trailing spaces, blank lines at
 * the end) never makes an applied script look edited. Prefixed with the algorithm's version, so that a
 * later algorithm can tell old values from new ones instead of reporting every script as changed.
 */
public final class Checksum {

    public static final String VERSION = "v1";

    private Checksum() {
    }

    /** The checksum of a script's text. */
    public static String of(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return ofLines(Arrays.asList(text.split("\r\n|\r|\n", -1)));
    }

    /** The checksum of a script's lines, as {@link Utf8LineReader} returns them. */
    static String ofLines(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        StringBuilder normalised = new StringBuilder();
        for (int i = 0; i < end; i++) {
            if (i > 0) {
                normalised.append('\n');
            }
            normalised.append(lines.get(i).stripTrailing());
        }
        return VERSION + ":" + HexFormat.of().formatHex(sha256().digest(normalised.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
