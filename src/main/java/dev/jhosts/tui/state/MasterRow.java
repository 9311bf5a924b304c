package dev.jhosts.tui.state;

import dev.jhosts.master.MasterState;
import java.time.Instant;
import java.util.List;

/**
 * One row of the status pane: a master connection and every catalogue alias sharing its socket.
 *
 * @param socket the control socket path
 * @param aliases the aliases using this socket, never empty
 * @param state the master's state ({@code Live} carries the pid)
 * @param startedByJhosts whether this jhosts process launched it (else it was found running)
 * @param startedAt when it was launched or first seen
 */
public record MasterRow(String socket, List<String> aliases, MasterState state, boolean startedByJhosts, Instant startedAt) {
    public MasterRow {
        aliases = List.copyOf(aliases);
    }

    /** The pid when the master is live, else 0. */
    public long pid() {
        return state instanceof MasterState.Live ? ((MasterState.Live) state).pid() : 0;
    }
}
