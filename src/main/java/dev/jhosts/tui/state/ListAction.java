package dev.jhosts.tui.state;

import java.util.List;

/**
 * The host list's keys. A printable character bound here acts while the filter is empty and is
 * typed into it otherwise; {@link #MARK} follows Space's rule instead ({@link Marks#spaceMarks}).
 */
public enum ListAction implements KeyAction {
    UP("move up", "Up", "C-p"),
    DOWN("move down", "Down", "C-n"),
    PAGE_UP("move a page up", "PgUp"),
    PAGE_DOWN("move a page down", "PgDn"),
    FIRST("to the first row", "Home"),
    LAST("to the last row", "End"),
    CONNECT("connect (Esc cancels the wait), or back to its session", "Enter"),
    NEW_SESSION("a new session on the host, even when it has live ones", "C-t"),
    TMUX("inside tmux: the host in a new tmux window or split", "F5"),
    FOLD("fold the group (Enter on its header folds or unfolds)", "Left"),
    UNFOLD("unfold the group", "Right"),
    ORDER("order: recent and frequent first, or A to Z", "F3", "C-o"),
    MARK("mark the host (on a group header: its hosts shown)", "Space"),
    MARK_ALL("mark every host shown", "C-a"),
    CLEAR_MARKS("clear the marks", "C-x"),
    RUN("run a command on the marked hosts (or the selected one)", "C-r"),
    RESULTS("show or hide the results of the last command", "F4"),
    DELETE_CHAR("delete a character of the filter", "Backspace"),
    DELETE_WORD("delete a word of the filter", "C-w"),
    CLEAR_FILTER("clear the filter", "C-u"),
    CLEAR_OR_QUIT("clear the filter; quit when it is empty", "Esc"),
    HELP("this help (a character only while the filter is empty)", "?", "F1"),
    MASTERS("go to the status pane of masters", "Tab", "S-Tab"),
    TOGGLE_MASTERS("show or hide the status pane", "F2");

    private final Spec spec;

    ListAction(String help, String... defaults) {
        this.spec = new Spec(help, List.of(defaults));
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public KeyMode mode() {
        return KeyMode.LIST;
    }
}
