package dev.jhosts.session;

import java.util.Objects;

/**
 * The keys jhosts takes from a session's keyboard for itself (the settings' {@code keys.session}
 * block: {@code detach}, {@code next-session}, {@code previous-session}); any of them may be
 * {@link SessionKey#NONE}.
 */
public record SessionKeys(SessionKey detach, SessionKey next, SessionKey previous) {
    /** For a session with no list to go back to ({@code jhosts connect}). */
    public static final SessionKeys NONE = new SessionKeys(SessionKey.NONE, SessionKey.NONE, SessionKey.NONE);

    public SessionKeys {
        Objects.requireNonNull(detach, "detach");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(previous, "previous");
    }
}
