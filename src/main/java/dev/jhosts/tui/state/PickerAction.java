package dev.jhosts.tui.state;

import java.util.List;

/**
 * Keys that work anywhere in the picker, before a dialog or an input line sees them.
 */
public enum PickerAction implements KeyAction {
    QUIT("quit at once (asks first when sessions live)", "C-c"),
    REDRAW("redraw the screen", "C-l"),
    SUSPEND("suspend jhosts (the shell's fg brings it back)", "C-z");

    private final String help;
    private final List<String> defaults;

    PickerAction(String help, String... defaults) {
        this.help = help;
        this.defaults = List.of(defaults);
    }

    @Override
    public KeyMode mode() {
        return KeyMode.PICKER;
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
