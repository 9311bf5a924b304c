package dev.jhosts.tui.state;

/**
 * The host list's keys. A printable character bound here acts while the filter is empty and is
 * typed into it otherwise; {@link #MARK} follows Space's rule instead ({@link Marks#spaceMarks}).
 */
public enum ListAction implements KeyAction {
    UP, DOWN, PAGE_UP, PAGE_DOWN, FIRST, LAST, CONNECT, NEW_SESSION, TMUX, FOLD, UNFOLD, ORDER,
    MARK, MARK_ALL, CLEAR_MARKS, RUN, RESULTS, EDIT_HOST, ADD_HOST, DELETE_CHAR, DELETE_WORD, CLEAR_FILTER,
    CLEAR_OR_QUIT, HELP, MASTERS, TOGGLE_MASTERS, FILES;

    @Override
    public KeyMode mode() {
        return KeyMode.LIST;
    }
}
