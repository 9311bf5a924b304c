package dev.jhosts.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The end of a run in a few lines: how many hosts succeeded, failed (with their status), were
 * unreachable, timed out, lost their connection or were cut, and which.
 */
public final class RunSummary {
    private final String action;
    private final List<HostResult> results;

    public RunSummary(List<HostResult> results) {
        this("run on", results);
    }

    /** A summary whose first line begins with {@code action} ("run on", "cp to", "cp from"). */
    public RunSummary(String action, List<HostResult> results) {
        this.action = action;
        this.results = List.copyOf(results);
    }

    /** Whether every host succeeded. */
    public boolean allSucceeded() {
        return results.stream().allMatch(result -> result.outcome().success());
    }

    /** The summary's lines. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(action + " " + results.size() + (results.size() == 1 ? " host: " : " hosts: ")
                + count(o -> o instanceof HostOutcome.Succeeded) + " succeeded, "
                + count(o -> o instanceof HostOutcome.Failed || o instanceof HostOutcome.NoExitStatus
                        || o instanceof HostOutcome.Refused || o instanceof HostOutcome.Incomplete) + " failed, "
                + count(o -> o instanceof HostOutcome.Unreachable) + " unreachable, "
                + count(o -> o instanceof HostOutcome.TimedOut) + " timed out"
                + lostCount() + cutCount());
        group(lines, "failed", o -> o instanceof HostOutcome.Failed || o instanceof HostOutcome.NoExitStatus,
                result -> result.alias() + " (" + result.outcome().word() + ")");
        group(lines, "incomplete", o -> o instanceof HostOutcome.Incomplete,
                result -> result.alias() + ": " + result.outcome().detail());
        group(lines, "connection lost", o -> o instanceof HostOutcome.ConnectionLost,
                result -> result.alias() + ": " + result.outcome().detail());
        group(lines, "refused", o -> o instanceof HostOutcome.Refused,
                result -> result.alias() + ": " + result.outcome().detail());
        group(lines, "unreachable", o -> o instanceof HostOutcome.Unreachable,
                result -> result.alias() + ": " + result.outcome().detail());
        group(lines, "timed out", o -> o instanceof HostOutcome.TimedOut,
                result -> result.alias() + " (" + result.outcome().detail() + ")");
        group(lines, "cut", o -> o instanceof HostOutcome.Cut, HostResult::alias);
        return lines;
    }

    private String lostCount() {
        long lost = count(o -> o instanceof HostOutcome.ConnectionLost);
        return lost == 0 ? "" : ", " + lost + " connection lost";
    }

    private String cutCount() {
        long cut = count(o -> o instanceof HostOutcome.Cut);
        return cut == 0 ? "" : ", " + cut + " cut";
    }

    private long count(Predicate<HostOutcome> which) {
        return results.stream().filter(result -> which.test(result.outcome())).count();
    }

    private void group(List<String> lines, String title, Predicate<HostOutcome> which,
            Function<HostResult, String> describe) {
        List<HostResult> members = results.stream().filter(result -> which.test(result.outcome())).toList();
        if (members.isEmpty()) {
            return;
        }
        boolean oneLine = members.stream().allMatch(result -> !(result.outcome() instanceof HostOutcome.Unreachable
                || result.outcome() instanceof HostOutcome.Refused || result.outcome() instanceof HostOutcome.Incomplete
                || result.outcome() instanceof HostOutcome.ConnectionLost));
        String label = String.format("  %-12s ", title);
        if (oneLine) {
            lines.add(label + String.join(", ", members.stream().map(describe).toList()));
        } else {
            members.forEach(result -> lines.add(label + describe.apply(result)));
        }
    }
}
