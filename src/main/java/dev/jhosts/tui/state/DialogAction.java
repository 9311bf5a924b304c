package dev.jhosts.tui.state;

import java.util.List;

/**
 * The keys of dialogs: confirmations, the session chooser, ssh's questions, the wait for a
 * connection, the help.
 */
public enum DialogAction implements KeyAction {
    YES("yes: go ahead (any other key cancels a confirmation)", "y", "Y"),
    NO("no: refuse ssh's question", "n", "N"),
    ACCEPT("take the highlighted choice; quit when asked to", "Enter"),
    CANCEL("cancel the wait for a connection, a chooser, a question", "Esc"),
    UP("the choice above; scroll the help up", "Up", "C-p"),
    DOWN("the choice below; scroll the help down", "Down", "C-n"),
    PAGE_UP("scroll the help a page up", "PgUp"),
    PAGE_DOWN("scroll the help a page down", "PgDn"),
    FIRST("to the start of the help", "Home"),
    LAST("to the end of the help", "End");

    private final Spec spec;

    DialogAction(String help, String... defaults) {
        this.spec = new Spec(help, List.of(defaults));
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public KeyMode mode() {
        return KeyMode.DIALOGS;
    }
}
