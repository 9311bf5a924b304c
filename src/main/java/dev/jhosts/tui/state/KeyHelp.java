package dev.jhosts.tui.state;

import java.util.List;

/** Every key of the TUI, as the help overlay lists it (and the manual page repeats it). */
public final class KeyHelp {
    private KeyHelp() {}

    /** One line of help: the keys and what they do. */
    public record Line(String keys, String action) {}

    public static final List<Line> HOST_LIST = List.of(
            new Line("type", "filter: fuzzy over alias, hostname, description"),
            new Line("tag:x group:y", "only hosts with a tag / group starting so"),
            new Line("Up Down ^P ^N", "move"),
            new Line("PgUp PgDn Home End", "move by a page / to the ends"),
            new Line("Enter", "connect (waits for the master; Esc cancels)"),
            new Line("Space ^A ^X", "mark the host / every host shown / clear the marks"),
            new Line("^R F4", "run a command on the marked hosts / show its results"),
            new Line("Left Right", "fold / unfold a group (Enter on its header too)"),
            new Line("F3 ^O", "order: recent and frequent first, or A to Z"),
            new Line("Backspace ^W ^U", "delete a character / word / the filter"),
            new Line("Esc", "clear the filter; quit when it is empty"),
            new Line("? F1", "this help (? only while the filter is empty)"),
            new Line("Tab F2", "go to / show or hide the status pane of masters"),
            new Line("^L ^C", "redraw the screen / quit at once"),
            new Line("^Z", "suspend (fg brings the list back)"));

    public static final List<Line> STATUS_PANE = List.of(
            new Line("Up Down", "select a master"),
            new Line("c", "check: is it alive, which pid"),
            new Line("s", "stop: no new sessions, running ones go on"),
            new Line("x", "exit: end the master and its sessions"),
            new Line("k", "kill its pid (asks first; for a stuck master)"),
            new Line("f", "its forwards: list, add, cancel"),
            new Line("Tab Esc", "back to the host list"));

    public static final List<Line> FORWARDS = List.of(
            new Line("Up Down", "select a forward"),
            new Line("a", "add one, in ssh's syntax: -L 8080:db:5432, -R 0:localhost:22, -D 1080"),
            new Line("d Delete", "cancel the selected forward"),
            new Line("r", "list them again"),
            new Line("Esc f", "back to the masters"));

    public static final List<Line> RUN_RESULTS = List.of(
            new Line("Up Down", "select a host; its whole output is shown below"),
            new Line("PgUp PgDn Home End", "scroll its output"),
            new Line("x", "stop the command on every host still running"),
            new Line("^R", "run another command on the same hosts"),
            new Line("Esc F4", "back to the list (the command goes on)"));
}
