package dev.jhosts.tui.state;

import java.util.List;

/**
 * The files pane's keys: none yet; the pane will bring its actions here, and its table in
 * {@link Keymap} is where the settings bind them.
 */
public enum FilesAction implements KeyAction {
    ;

    private final String help;
    private final List<String> defaults;

    FilesAction(String help, String... defaults) {
        this.help = help;
        this.defaults = List.of(defaults);
    }

    @Override
    public KeyMode mode() {
        return KeyMode.FILES;
    }

    @Override
    public String word() {
        return KeyAction.wordOf(this);
    }

    @Override
    public String help() {
        return help;
    }

    @Override
    public List<String> defaults() {
        return defaults;
    }
}
