package dev.jhosts.tui.state;

import java.util.List;

/**
 * The results pane's keys (the list's help works there too).
 */
public enum ResultsAction implements KeyAction {
    UP("select the host above; its whole output is shown below", "Up", "C-p"),
    DOWN("select the host below", "Down", "C-n"),
    SCROLL_BACK("scroll its output back a page", "PgUp"),
    SCROLL_ON("scroll its output on a page", "PgDn"),
    START("to the start of its output", "Home"),
    END("to the end of its output", "End"),
    STOP("stop the command on every host still running", "x"),
    RUN_AGAIN("run another command on the same hosts", "C-r"),
    BACK("back to the list (the command goes on)", "Esc", "F4");

    private final Spec spec;

    ResultsAction(String help, String... defaults) {
        this.spec = new Spec(help, List.of(defaults));
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public KeyMode mode() {
        return KeyMode.RESULTS;
    }
}
