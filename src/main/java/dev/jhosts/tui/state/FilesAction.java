package dev.jhosts.tui.state;

/** The files pane's keys (the list's help works there too). */
public enum FilesAction implements KeyAction {
    UP, DOWN, PAGE_UP, PAGE_DOWN, FIRST, LAST, SWITCH, ENTER, UP_FOLDER, MARK, COPY, RENAME, MAKE_FOLDER, DELETE,
    STOP_COPY, RELOAD, CLOSE;

    @Override
    public KeyMode mode() {
        return KeyMode.FILES;
    }
}
