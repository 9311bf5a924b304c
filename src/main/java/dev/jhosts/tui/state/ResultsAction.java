package dev.jhosts.tui.state;

/**
 * The results pane's keys (the list's help works there too).
 */
public enum ResultsAction implements KeyAction {
    UP, DOWN, SCROLL_BACK, SCROLL_ON, START, END, STOP, RUN_AGAIN, BACK;

    @Override
    public KeyMode mode() {
        return KeyMode.RESULTS;
    }
}
