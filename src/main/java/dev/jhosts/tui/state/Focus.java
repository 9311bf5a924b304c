package dev.jhosts.tui.state;

/** Which part of the screen takes the movement and action keys. */
public enum Focus {
    /** The host list and its filter line. */
    HOSTS,
    /** The status pane of master connections. */
    MASTERS
}
