package dev.migrate.autogenerate;

/**
 * Decides whether a {@link RenameCandidate} is a rename (data kept) or a drop and an add (data lost): asks the
 * developer in the shell, or follows a policy when nobody is there to ask.
 */
@FunctionalInterface
public interface RenameDecider {

    RenameDecider ALWAYS = candidate -> true;
    RenameDecider NEVER = candidate -> false;

    boolean isRename(RenameCandidate candidate);

    /** {@code always} or {@code never}, as a non-interactive setting names them. */
    static RenameDecider policy(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "always" -> ALWAYS;
            case "never" -> NEVER;
            default -> throw new IllegalArgumentException("rename policy must be 'always' or 'never', not '" + name + "'");
        };
    }
}
