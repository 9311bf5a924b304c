package dev.jhosts.tui.state;

/**
 * Keys that work anywhere in the picker, before a dialog or an input line sees them.
 */
public enum PickerAction implements KeyAction {
    QUIT, REDRAW, SUSPEND;

    @Override
    public KeyMode mode() {
        return KeyMode.PICKER;
    }
}
