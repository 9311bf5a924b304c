package dev.jhosts.tui.state;

import java.util.List;

/**
 * Keys that work anywhere in the picker, before a dialog or an input line sees them.
 */
public enum PickerAction implements KeyAction {
    QUIT("quit at once (asks first when sessions live)", "C-c"),
    REDRAW("redraw the screen", "C-l"),
    SUSPEND("suspend jhosts (the shell's fg brings it back)", "C-z");

    private final Spec spec;

    PickerAction(String help, String... defaults) {
        this.spec = new Spec(help, List.of(defaults));
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public KeyMode mode() {
        return KeyMode.PICKER;
    }
}
