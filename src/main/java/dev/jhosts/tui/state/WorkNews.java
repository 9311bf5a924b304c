package dev.jhosts.tui.state;

import dev.jhosts.master.ListedForward;
import java.util.List;

/** What the background helpers report about forwards and runs ({@link UiEvent.Work}). */
public sealed interface WorkNews {

    /** The forwards of the master at {@code socket}. */
    record ForwardsListed(String socket, List<ListedForward> forwards) implements WorkNews {
        public ForwardsListed {
            forwards = List.copyOf(forwards);
        }
    }

    /** The forwards of the master at {@code socket} could not be listed. */
    record ForwardsUnavailable(String socket, String reason) implements WorkNews {}

    /** The master at {@code socket} opened {@code forward}. */
    record ForwardOpened(String socket, ListedForward forward) implements WorkNews {}

    /** The master at {@code socket} refused {@code spec}; {@code reason} is its own (and its log's). */
    record ForwardRefused(String socket, String spec, String reason) implements WorkNews {}

    /** {@code spec} was cancelled on the master at {@code socket}, or could not be ({@code problem} not empty). */
    record ForwardClosed(String socket, String spec, String problem) implements WorkNews {}

    /** A host of run {@code runId} has its session open. */
    record RunHostRunning(int runId, String alias) implements WorkNews {}

    /** Lines a host of run {@code runId} printed. */
    record RunOutput(int runId, String alias, List<String> lines) implements WorkNews {
        public RunOutput {
            lines = List.copyOf(lines);
        }
    }

    /** A host of run {@code runId} ended: {@code outcome} ("exit 3", "unreachable"…) and why. */
    record RunHostDone(int runId, String alias, String outcome, String detail, boolean succeeded) implements WorkNews {}

    /** Run {@code runId} was stopped; {@code cut} are the hosts it stopped. */
    record RunStopped(int runId, List<String> cut) implements WorkNews {
        public RunStopped {
            cut = List.copyOf(cut);
        }
    }

    /** A directory of the files pane was listed ({@code alias}'s, or a local one when not {@code remote}). */
    record FilesListed(String alias, boolean remote, String path, List<FileEntry> entries, String select)
            implements WorkNews {
        public FilesListed {
            entries = List.copyOf(entries);
        }
    }

    /** A directory of the files pane could not be listed; {@code reason} says why. */
    record FilesUnavailable(String alias, boolean remote, String reason) implements WorkNews {}

    /** A copy with {@code alias} has done what {@code progress} says ("1.2 MiB of 4 MiB 30%"). */
    record CopyProgressed(String alias, String progress) implements WorkNews {}

    /** A copy with {@code alias} ended; {@code summary} says how; the side it wrote to is listed again. */
    record CopyEnded(String alias, boolean upload, String summary) implements WorkNews {}

    /** A delete, a new folder or a rename ended ({@code summary} says how); that side is listed again. */
    record FilesChanged(String alias, boolean remote, String summary) implements WorkNews {}
}
