package dev.jhosts.tui.state;

/**
 * What the picker does over masters besides sessions: the hosts marked for a command, the run
 * of a command on them, the status pane's view of one master's forwards, and the files pane.
 */
public record Work(Marks marks, RunPane run, ForwardsView forwards, FilesPane files) {
    public static final Work NONE = new Work(Marks.NONE, RunPane.NONE, ForwardsView.CLOSED, FilesPane.CLOSED);

    public Work withMarks(Marks newMarks) {
        return new Work(newMarks, run, forwards, files);
    }

    public Work withRun(RunPane newRun) {
        return new Work(marks, newRun, forwards, files);
    }

    public Work withForwards(ForwardsView newForwards) {
        return new Work(marks, run, newForwards, files);
    }

    public Work withFiles(FilesPane newFiles) {
        return new Work(marks, run, forwards, newFiles);
    }
}
