package dev.jhosts.tui.state;

import dev.jhosts.master.ForwardOrigin;
import dev.jhosts.mux.Forward;
import java.util.List;

/** Work for the app's background helpers ({@link Effect.Work}): forwards of a master, and runs. */
public sealed interface WorkRequest {

    /** List the forwards of the master at {@code socket}, which {@code aliases} use. */
    record ListForwards(String socket, List<String> aliases) implements WorkRequest {
        public ListForwards {
            aliases = List.copyOf(aliases);
        }
    }

    /** Open {@code forward} on the master at {@code socket}. */
    record OpenForward(String socket, List<String> aliases, Forward forward) implements WorkRequest {
        public OpenForward {
            aliases = List.copyOf(aliases);
        }
    }

    /** Cancel {@code forward} on the master at {@code socket}. */
    record CloseForward(String socket, List<String> aliases, Forward forward, ForwardOrigin origin) implements WorkRequest {
        public CloseForward {
            aliases = List.copyOf(aliases);
        }
    }

    /** Run {@code command} on {@code aliases}; its news carries {@code runId}. */
    record StartRun(int runId, String command, List<String> aliases) implements WorkRequest {
        public StartRun {
            aliases = List.copyOf(aliases);
        }
    }

    /** Stop every host of run {@code runId} that still runs (a hangup, then its session closed). */
    record StopRun(int runId) implements WorkRequest {}

    /**
     * List a directory for the files pane: on {@code alias} through its master (made if needed;
     * "." is the login directory), or here when not {@code remote} ("" is the current directory).
     * {@code select} is the entry to select once listed.
     */
    record ListFiles(String alias, boolean remote, String path, String select) implements WorkRequest {}

    /** Stop {@code alias}'s copy under way: the file being written is removed, as after Ctrl-C to {@code jhosts cp}. */
    record StopCopy(String alias) implements WorkRequest {}

    /** Copy {@code sources} (recursively) into directory {@code destination}: up to {@code alias}, or down from it. */
    record CopyFiles(String alias, boolean upload, List<String> sources, String destination) implements WorkRequest {
        public CopyFiles {
            sources = List.copyOf(sources);
        }
    }

    /** Delete {@code paths} (directories with what they hold) on {@code alias}, or here. */
    record DeleteFiles(String alias, boolean remote, List<String> paths) implements WorkRequest {
        public DeleteFiles {
            paths = List.copyOf(paths);
        }
    }

    /** Make directory {@code path} on {@code alias}, or here. */
    record MakeFolder(String alias, boolean remote, String path) implements WorkRequest {}

    /** Rename {@code from} to {@code to} on {@code alias}, or here. */
    record RenameFile(String alias, boolean remote, String from, String to) implements WorkRequest {}
}
