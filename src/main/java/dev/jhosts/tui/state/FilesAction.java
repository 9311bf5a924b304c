package dev.jhosts.tui.state;

import java.util.List;

/**
 * The files pane's keys: none yet; the pane will bring its actions here, and its table in
 * {@link Keymap} is where the settings bind them.
 */
public enum FilesAction implements KeyAction {
    ;

    private final Spec spec;

    FilesAction(String help, String... defaults) {
        this.spec = new Spec(help, List.of(defaults));
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public KeyMode mode() {
        return KeyMode.FILES;
    }
}
