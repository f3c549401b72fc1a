package dev.migrate.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint of what a database has applied: each revision's checksum by id and each repeatable script's by
 * name. Written twice, so that a start at head can compare one value instead of a thousand: by the build into the
 * {@link ScriptIndex} for its scripts (what a database at head has applied), and by the engine as the last row of the
 * log after each write, for what the log then says. Equal fingerprints mean every applied script is the one the jar
 * holds and every repeatable script is applied as it is; different ones mean nothing but "compare in full".
 */
public final class AppliedDigest {

    /** Prefixed like {@link Checksum}, so that a later algorithm never reads this one's values as a match. */
    private static final String VERSION = "d1";

    private AppliedDigest() {
    }

    /**
     * The fingerprint of {@code revisions} (checksum by revision id) and {@code repeatables} (checksum by repeatable
     * script name); the order of either map does not matter.
     */
    public static String of(Map<String, String> revisions, Map<String, String> repeatables) {
        MessageDigest sha256 = Checksum.sha256();
        add(sha256, "revision", revisions);
        add(sha256, "repeatable", repeatables);
        return VERSION + ":" + HexFormat.of().formatHex(sha256.digest());
    }

    private static void add(MessageDigest sha256, String kind, Map<String, String> checksums) {
        for (Map.Entry<String, String> entry : new TreeMap<>(checksums).entrySet()) {
            sha256.update((kind + "\t" + entry.getKey() + "\t" + entry.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
