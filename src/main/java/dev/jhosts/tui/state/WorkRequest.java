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
}
