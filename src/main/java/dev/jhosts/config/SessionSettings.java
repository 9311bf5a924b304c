package dev.jhosts.config;

import dev.jhosts.session.SessionKey;
import dev.jhosts.session.SessionKeys;
import java.util.Objects;

/**
 * The picker's sessions.
 *
 * @param keys the keys a session gives up to jhosts: detach, next and previous session
 * @param tmuxOpen inside tmux, what the tmux key opens the selected host in
 */
public record SessionSettings(SessionKeys keys, TmuxOpen tmuxOpen) {
    /** Inside tmux: a new window, or a split of the current pane. */
    public enum TmuxOpen { WINDOW, SPLIT }

    public SessionSettings {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(tmuxOpen, "tmuxOpen");
    }

    public static SessionSettings defaults() {
        return new SessionSettings(new SessionKeys(SessionKey.parse("^\\").orElseThrow(),
                SessionKey.parse("F12").orElseThrow(), SessionKey.parse("S-F12").orElseThrow()), TmuxOpen.WINDOW);
    }
}
