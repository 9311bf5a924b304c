package dev.jhosts.tui.state;

/**
 * The keys of a master's forwards in the status pane (the list's help, toggle-masters and order
 * work there too).
 */
public enum ForwardsAction implements KeyAction {
    UP, DOWN, ADD, CANCEL, LIST, BACK, HOSTS;

    @Override
    public KeyMode mode() {
        return KeyMode.FORWARDS;
    }
}
