package dev.jhosts.tui.state;

import java.util.ArrayList;
import java.util.List;

/**
 * One host of a run in the results pane.
 *
 * @param alias the host
 * @param phase waiting for its master, running, or done
 * @param outcome when done, how: "exit 0", "exit 3", "unreachable", "timed out", "cut"…
 * @param detail the reason behind the outcome, when there is one
 * @param succeeded whether it exited 0
 * @param lines its last output lines (stdout and stderr as they came), at most {@link #KEPT}
 * @param dropped how many earlier lines were let go
 */
public record RunHost(String alias, Phase phase, String outcome, String detail, boolean succeeded, List<String> lines,
        int dropped) {
    /** The most lines kept per host in the picker ({@code jhosts run} prints them all). */
    public static final int KEPT = 1000;

    public enum Phase { WAITING, RUNNING, DONE }

    public RunHost {
        lines = List.copyOf(lines);
    }

    public static RunHost waiting(String alias) {
        return new RunHost(alias, Phase.WAITING, "", "", false, List.of(), 0);
    }

    public RunHost running() {
        return new RunHost(alias, Phase.RUNNING, outcome, detail, succeeded, lines, dropped);
    }

    public RunHost withLines(List<String> more) {
        List<String> all = new ArrayList<>(lines);
        all.addAll(more);
        int over = Math.max(0, all.size() - KEPT);
        return new RunHost(alias, phase, outcome, detail, succeeded, all.subList(over, all.size()), dropped + over);
    }

    public RunHost done(String newOutcome, String newDetail, boolean success) {
        return new RunHost(alias, Phase.DONE, newOutcome, newDetail, success, lines, dropped);
    }

    /** What the pane's state column says: waiting, running, exit N, unreachable… */
    public String state() {
        return switch (phase) {
            case WAITING -> "waiting";
            case RUNNING -> "running";
            case DONE -> outcome;
        };
    }
}
