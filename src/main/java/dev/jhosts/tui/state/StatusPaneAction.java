package dev.jhosts.tui.state;

import java.util.List;

/**
 * The status pane's keys (the list's help, toggle-masters, order and tmux work there too).
 */
public enum StatusPaneAction implements KeyAction {
    UP("select the master above", "Up", "C-p"),
    DOWN("select the master below", "Down", "C-n"),
    FIRST("select the first master", "Home"),
    LAST("select the last master", "End"),
    CHECK("check: is it alive, which pid", "c"),
    STOP("stop: no new sessions, running ones go on", "s"),
    EXIT("exit: end the master and its sessions", "x"),
    KILL("kill its pid (asks first; for a stuck master)", "k"),
    FORWARDS("its forwards: list, add, cancel", "f"),
    BACK("back to the host list", "Tab", "S-Tab", "Esc");

    private final Spec spec;

    StatusPaneAction(String help, String... defaults) {
        this.spec = new Spec(help, List.of(defaults));
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public KeyMode mode() {
        return KeyMode.STATUS_PANE;
    }
}
