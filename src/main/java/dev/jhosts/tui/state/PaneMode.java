package dev.jhosts.tui.state;

/** Whether the status pane is shown. */
public enum PaneMode {
    /** Shown whenever there is a master to list. */
    AUTO,
    /** Shown, by the user's choice. */
    SHOWN,
    /** Hidden, by the user's choice. */
    HIDDEN
}
