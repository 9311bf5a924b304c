package dev.jhosts.tui.state;

/**
 * The files pane's keys: none yet; the pane will bring its actions here, and its table in
 * {@link Keymap} is where the settings bind them.
 */
public enum FilesAction implements KeyAction {
    ;

    @Override
    public KeyMode mode() {
        return KeyMode.FILES;
    }
}
