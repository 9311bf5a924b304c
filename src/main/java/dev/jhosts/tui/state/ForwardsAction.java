package dev.jhosts.tui.state;

import java.util.List;

/**
 * The keys of a master's forwards in the status pane (the list's help, toggle-masters and order
 * work there too).
 */
public enum ForwardsAction implements KeyAction {
    UP("select the forward above", "Up", "C-p"),
    DOWN("select the forward below", "Down", "C-n"),
    ADD("add one in ssh's syntax (-L 8080:db:5432, -D 1080)", "a"),
    CANCEL("cancel the selected forward", "d", "Delete"),
    LIST("list them again", "r"),
    BACK("back to the masters", "Esc", "f", "Left"),
    HOSTS("back to the host list", "Tab", "S-Tab");

    private final Spec spec;

    ForwardsAction(String help, String... defaults) {
        this.spec = new Spec(help, List.of(defaults));
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public KeyMode mode() {
        return KeyMode.FORWARDS;
    }
}
