package dev.jhosts.tui.state;

import java.util.List;

/**
 * The keys jhosts takes from a session's keyboard, read anywhere in what is typed, one key each
 * (the escapes after escape-char are ssh's, not rebound here).
 */
public enum SessionAction implements KeyAction {
    DETACH("detach: back to the list, the session goes on", "C-\\"),
    NEXT_SESSION("straight to the next live session", "F12"),
    PREVIOUS_SESSION("straight to the previous live session", "S-F12");

    private final Spec spec;

    SessionAction(String help, String... defaults) {
        this.spec = new Spec(help, List.of(defaults));
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public KeyMode mode() {
        return KeyMode.SESSION;
    }
}
