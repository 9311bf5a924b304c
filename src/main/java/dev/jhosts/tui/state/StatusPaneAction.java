package dev.jhosts.tui.state;

/**
 * The status pane's keys (the list's help, toggle-masters, order and tmux work there too).
 */
public enum StatusPaneAction implements KeyAction {
    UP, DOWN, FIRST, LAST, CHECK, STOP, EXIT, KILL, FORWARDS, BACK;

    @Override
    public KeyMode mode() {
        return KeyMode.STATUS_PANE;
    }
}
