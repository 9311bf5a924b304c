package dev.jhosts.tui.state;

/**
 * The keys of dialogs: confirmations, the session chooser, ssh's questions, the wait for a
 * connection, the help.
 */
public enum DialogAction implements KeyAction {
    YES, NO, KEEP, ACCEPT, CANCEL, UP, DOWN, PAGE_UP, PAGE_DOWN, FIRST, LAST;

    @Override
    public KeyMode mode() {
        return KeyMode.DIALOGS;
    }
}
