package dev.migrate.script;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Revision ids: new ones as Alembic makes them (12 random lowercase hex digits), and the check of ids
 * that users choose ({@code --rev-id}) or scripts declare. An id must stay unambiguous inside revision
 * expressions ({@code label@head}, {@code rev1:rev2}, {@code head-1}, {@code +2}) and fit Alembic's
 * {@code version_num VARCHAR(32)}, so only letters, digits and underscores are allowed.
 */
public final class RevisionIds {

    /** Alembic's version table column is VARCHAR(32). */
    public static final int MAX_LENGTH = 32;

    private static final Set<String> RESERVED = Set.of("head", "heads", "base", "current");

    private final SecureRandom random;

    public RevisionIds() {
        this(new SecureRandom());
    }

    /** With a given source of randomness, for tests that need repeatable ids. */
    public RevisionIds(SecureRandom random) {
        this.random = random;
    }

    /** A new id: 12 lowercase hex digits, 48 random bits as Alembic's {@code uuid4().hex[-12:]}. */
    public String generate() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Why {@code id} cannot be a revision id, or empty when it can. */
    public static Optional<String> problem(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("a revision id must not be empty");
        }
        if (RESERVED.contains(id.toLowerCase(Locale.ROOT))) {
            return Optional.of("\"" + id + "\" is a reserved word in revision expressions; choose another id");
        }
        if (!plainWord(id)) {
            return Optional.of("revision id \"" + id + "\" may hold only letters, digits and underscores"
                    + " (characters such as @ : + - and spaces have meanings in revision expressions)");
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of("revision id \"" + id + "\" is longer than " + MAX_LENGTH
                    + " characters, which the version table cannot hold");
        }
        return Optional.empty();
    }

    /**
     * Whether {@code id} holds only ASCII letters, digits and underscores: a loop rather than a regular expression,
     * since every start checks the id of every script.
     */
    private static boolean plainWord(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code id} when it is valid, else throws with the reason. */
    public static String requireValid(String id) {
        problem(id).ifPresent(reason -> {
            throw new ScriptException(reason);
        });
        return id;
    }
}
