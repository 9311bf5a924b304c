package dev.jhosts.tui.state;

/** Whether the status pane is shown. */
public enum PaneMode {
    /** Shown whenever a master is live. */
    AUTO,
    /** Shown, by the user's choice. */
    SHOWN,
    /** Hidden, by the user's choice. */
    HIDDEN
}
