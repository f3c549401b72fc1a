package dev.migrate.script;

import java.io.IOException;
import java.io.InputStream;
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
        Digest digest = new Digest();
        lines.forEach(digest::line);
        return digest.value();
    }

    /** The checksum of a script read line by line, without keeping its lines. */
    static String ofResource(ScriptResource resource) {
        Digest digest = new Digest();
        try (InputStream in = resource.open(); Utf8LineReader reader = new Utf8LineReader(in, resource.location())) {
            String line;
            while ((line = reader.readLine()) != null) {
                digest.line(line);
            }
        } catch (IOException e) {
            throw new ScriptException(resource.location() + ": cannot read the script (" + e.getMessage() + ")", e);
        }
        return digest.value();
    }

    /**
     * Hashes lines as they come: each without its trailing spaces, joined by {@code \n}, and blank lines
     * held back until a line with text follows, so that blank lines at the end count for nothing.
     */
    private static final class Digest {
        private static final byte[] NEWLINE = {'\n'};

        private final MessageDigest sha256 = sha256();
        private int heldBlankLines;
        private boolean first = true;

        void line(String line) {
            if (line.isBlank()) {
                heldBlankLines++;
                return;
            }
            for (; heldBlankLines > 0; heldBlankLines--) {
                separate();
            }
            separate();
            sha256.update(line.stripTrailing().getBytes(StandardCharsets.UTF_8));
        }

        private void separate() {
            if (!first) {
                sha256.update(NEWLINE);
            }
            first = false;
        }

        String value() {
            return VERSION + ":" + HexFormat.of().formatHex(sha256.digest());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
