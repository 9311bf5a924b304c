package dev.jhosts.master;

import java.nio.file.Path;

/** Publishes a socket's state under every name known to use that socket (one master, many aliases). */
final class SocketStates {
    private final MasterStates states;
    private final ControlPathIndex index;

    SocketStates(MasterStates states, ControlPathIndex index) {
        this.states = states;
        this.index = index;
    }

    MasterState decided(Path socket, MasterState state) {
        index.labelsAt(socket).forEach(label -> states.decided(label, state));
        return state;
    }

    MasterState observed(Path socket, MasterState state, long ticket) {
        index.labelsAt(socket).forEach(label -> states.observed(label, state, ticket));
        return state;
    }
}
