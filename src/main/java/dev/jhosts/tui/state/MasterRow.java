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
 * @param via the jump masters it rides, outermost first
 * @param dependants the masters that ride this one (it is their jump host's)
 */
public record MasterRow(String socket, List<String> aliases, MasterState state, boolean startedByJhosts, Instant startedAt,
        List<String> via, List<String> dependants) {
    public MasterRow {
        aliases = List.copyOf(aliases);
        via = List.copyOf(via);
        dependants = List.copyOf(dependants);
    }

    /** A master that rides none and that none rides. */
    public MasterRow(String socket, List<String> aliases, MasterState state, boolean startedByJhosts, Instant startedAt) {
        this(socket, aliases, state, startedByJhosts, startedAt, List.of(), List.of());
    }

    /** The pid when the master is live, else 0. */
    public long pid() {
        return state instanceof MasterState.Live ? ((MasterState.Live) state).pid() : 0;
    }
}
