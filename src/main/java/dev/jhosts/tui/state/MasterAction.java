package dev.jhosts.tui.state;

/** What the status pane can do to a master. */
public enum MasterAction {
    /** Ask the master whether it is alive (MUX_C_ALIVE_CHECK). */
    CHECK,
    /** Stop accepting new sessions; running ones finish. */
    STOP,
    /** Terminate the master; running sessions end. */
    EXIT,
    /** SIGTERM then SIGKILL the master's pid, for a master that does not answer. */
    KILL;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
