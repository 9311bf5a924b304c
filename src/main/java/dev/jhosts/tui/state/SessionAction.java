package dev.jhosts.tui.state;

/**
 * The keys jhosts takes from a session's keyboard, read anywhere in what is typed, one key each
 * (the escapes after escape-char are ssh's, not rebound here).
 */
public enum SessionAction implements KeyAction {
    DETACH, NEXT_SESSION, PREVIOUS_SESSION;

    @Override
    public KeyMode mode() {
        return KeyMode.SESSION;
    }
}
