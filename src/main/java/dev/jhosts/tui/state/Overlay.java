package dev.jhosts.tui.state;

/** What is drawn over the list, taking the keys while it is shown. */
public sealed interface Overlay {

    /** Nothing: the list (or the status pane) has the keys. */
    record None() implements Overlay {}

    /** The help text with every key; any key closes it. */
    record Help() implements Overlay {}

    /**
     * "Kill this master?", or "these ride this master: exit it?" — {@code y} goes ahead (cutting
     * the dependants), any other key cancels.
     */
    record Confirm(MasterAction action, MasterRow row) implements Overlay {}

    /**
     * Enter on a host whose probe found its host key CHANGED: nothing happens until the user
     * says so ({@code y} goes on, and ssh itself will refuse the key as it always does; any other
     * key cancels). jhosts never edits known_hosts.
     */
    record HostKeyChanged(String alias) implements Overlay {}

    /** Waiting for a master before a session opens; Esc cancels. */
    record Connecting(String alias) implements Overlay {}
}
