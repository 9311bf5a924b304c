package dev.jhosts.tui.state;

import java.util.List;

/**
 * Every key of the TUI, one list per mode, each with its help text and, for the keys the footer
 * names, the footer's short word: the help overlay and the footer are drawn from these lists,
 * and a test checks each key against the manual page.
 */
public final class KeyHelp {
    private KeyHelp() {}

    /**
     * One line of help: the keys and what they do; {@code footer} is how the footer names it
     * ("Enter connect"), empty for a key the footer leaves out.
     */
    public record Line(String keys, String action, String footer) {
        public Line(String keys, String action) {
            this(keys, action, "");
        }
    }

    /** The footer of a mode: its keys' short words, in order. */
    public static String footer(List<Line> mode) {
        return String.join("  ", mode.stream().map(Line::footer).filter(word -> !word.isEmpty()).toList());
    }

    public static final List<Line> HOST_LIST = List.of(
            new Line("type", "filter: fuzzy over alias, hostname, description"),
            new Line("tag:x group:y", "only hosts with a tag / group starting so"),
            new Line("Up Down ^P ^N", "move", "Up/Down move"),
            new Line("PgUp PgDn Home End", "move by a page / to the ends"),
            new Line("Enter", "connect (Esc cancels the wait); back to its live session",
                    "Enter connect"),
            new Line("^T F5", "a new session on the host / (in tmux) one in a tmux window"),
            new Line("Space ^A ^X", "mark the host / every host shown / clear the marks",
                    "Space mark"),
            new Line("^R F4", "run a command on the marked hosts / show its results", "^R run"),
            new Line("Left Right", "fold / unfold a group (Enter on its header too)"),
            new Line("F3 ^O", "order: recent and frequent first, or A to Z"),
            new Line("Backspace ^W ^U", "delete a character / word / the filter"),
            new Line("Esc", "clear the filter; quit when it is empty", "Esc quit"),
            new Line("? F1", "this help (? only while the filter is empty)", "? help"),
            new Line("Tab F2", "go to / show or hide the status pane of masters",
                    "Tab masters"),
            new Line("^L ^C ^Z", "redraw the screen / quit / suspend (fg comes back)"));

    /** In a session; the keys are the default settings (detach-key, next-session-key, previous-session-key). */
    public static final List<Line> SESSION = List.of(
            new Line("^\\ ~^Z", "detach: back to the list, the session goes on"),
            new Line("F12 S-F12", "straight to the next / previous live session"),
            new Line("~.", "close the session (whatever the master does)"),
            new Line("~? ~~", "list the escapes / send one ~"));

    public static final List<Line> STATUS_PANE = List.of(
            new Line("Up Down", "select a master", "Up/Down select"),
            new Line("c", "check: is it alive, which pid", "c check"),
            new Line("s", "stop: no new sessions, running ones go on", "s stop"),
            new Line("x", "exit: end the master and its sessions", "x exit"),
            new Line("k", "kill its pid (asks first; for a stuck master)", "k kill"),
            new Line("f", "its forwards: list, add, cancel", "f forwards"),
            new Line("Tab Esc", "back to the host list", "Tab hosts"));

    public static final List<Line> FORWARDS = List.of(
            new Line("Up Down", "select a forward", "Up/Down select"),
            new Line("a", "add one, in ssh's syntax: -L 8080:db:5432, -R 0:localhost:22, -D 1080",
                    "a add"),
            new Line("d Delete", "cancel the selected forward", "d cancel"),
            new Line("r", "list them again", "r list again"),
            new Line("Esc f", "back to the masters", "Esc masters"));

    public static final List<Line> RUN_RESULTS = List.of(
            new Line("Up Down", "select a host; its whole output is shown below", "Up/Down host"),
            new Line("PgUp PgDn Home End", "scroll its output", "PgUp/PgDn scroll"),
            new Line("x", "stop the command on every host still running", "x stop"),
            new Line("^R", "run another command on the same hosts", "^R run again"),
            new Line("Esc F4", "back to the list (the command goes on)", "Esc/F4 back to the list"));
}
