package dev.jhosts.tui.state;

/**
 * What the picker does over masters besides sessions: the hosts marked for a command, the run
 * of a command on them, and the status pane's view of one master's forwards.
 */
public record Work(Marks marks, RunPane run, ForwardsView forwards) {
    public static final Work NONE = new Work(Marks.NONE, RunPane.NONE, ForwardsView.CLOSED);

    public Work withMarks(Marks newMarks) {
        return new Work(newMarks, run, forwards);
    }

    public Work withRun(RunPane newRun) {
        return new Work(marks, newRun, forwards);
    }

    public Work withForwards(ForwardsView newForwards) {
        return new Work(marks, run, newForwards);
    }
}
