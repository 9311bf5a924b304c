package dev.jhosts.config;

import dev.jhosts.session.SessionKeys;
import dev.jhosts.tui.state.Keymap;
import java.util.Objects;

/**
 * The picker's sessions.
 *
 * @param keys the keys a session gives up to jhosts: detach, next and previous session (the
 *     session table of {@link Settings#keys})
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
        return new SessionSettings(Keymap.defaults().session(), TmuxOpen.WINDOW);
    }
}
