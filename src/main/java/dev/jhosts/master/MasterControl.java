package dev.jhosts.master;

import dev.jhosts.mux.MuxClient;
import dev.jhosts.mux.MuxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Check, stop, exit and kill of one master, over its control socket (kill by signal). A master
 * that others ride (a jump host's) is only stopped, exited or killed when the caller says the
 * dependants may be cut; they are named first, and marked cut afterwards.
 */
public final class MasterControl {
    private final ControlPathIndex index;
    private final MasterStates states;
    private final SocketStates socketStates;
    private final SocketInspector inspector;
    private final MasterKiller killer;
    private final LaunchRecords records;
    private final Duration timeout;

    public MasterControl(ControlPathIndex index, MasterStates states, MasterProbe probe, MasterKiller killer,
            LaunchRecords records, Duration timeout) {
        this.index = index;
        this.states = states;
        this.socketStates = new SocketStates(states, index);
        this.inspector = new SocketInspector(probe, records);
        this.killer = killer;
        this.records = records;
        this.timeout = timeout;
    }

    /** What each action does to a master and to those that ride it. */
    public enum Action {
        STOP("stop", "it takes no new sessions; they keep running but cannot be made again through it"),
        EXIT("exit", "they are cut"),
        KILL("kill", "they are cut");

        private final String word;
        private final String toDependants;

        Action(String word, String toDependants) {
            this.word = word;
            this.toDependants = toDependants;
        }

        public String word() {
            return word;
        }
    }

    /** MUX_C_ALIVE_CHECK now; the probe's verdict, published as an observation. */
    public Probe check(Path socket) {
        long ticket = states.beginObservation();
        Probe found = inspector.probe(socket);
        socketStates.observed(socket, SocketInspector.toState(found), ticket);
        return found;
    }

    /**
     * The masters jhosts made through the one at {@code socket} that still have a socket of their
     * own, by name, sorted.
     */
    public List<String> dependants(Path socket) {
        Set<String> names = new LinkedHashSet<>();
        for (LaunchRecord launch : records.all()) {
            if (launch.rides(socket) && !(inspector.probe(launch.socket()) instanceof Probe.Absent)) {
                names.add(name(launch));
            }
        }
        return names.stream().sorted().toList();
    }

    /** Why {@code action} needs the user's word for {@code socket}; empty when it does not. */
    public Optional<String> warning(Action action, Path socket) {
        List<String> dependants = dependants(socket);
        if (dependants.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", dependants) + " ride" + (dependants.size() == 1 ? "s" : "")
                + " this master: " + action.word() + " and " + action.toDependants);
    }

    /** MUX_C_STOP_LISTENING: no new sessions; running ones finish, then the master exits. */
    public void stop(Path socket, boolean cutDependants) throws MasterException {
        refuseIfDependants(Action.STOP, socket, cutDependants);
        try (MuxClient client = MuxClient.connect(socket, timeout)) {
            client.stopListening();
        } catch (MuxException e) {
            throw new MasterException("stop " + socket + ": " + problem(e), e);
        }
        records.remove(socket);
        socketStates.decided(socket, new MasterState.None());
    }

    /** MUX_C_TERMINATE: the master exits now; running sessions end. */
    public void exit(Path socket, boolean cutDependants) throws MasterException {
        List<LaunchRecord> riding = riding(socket);
        refuseIfDependants(Action.EXIT, socket, cutDependants);
        try (MuxClient client = MuxClient.connect(socket, timeout)) {
            client.terminate();
        } catch (MuxException e) {
            throw new MasterException("exit " + socket + ": " + problem(e), e);
        }
        records.remove(socket);
        socketStates.decided(socket, new MasterState.None());
        markCut(riding, socket, "exited");
    }

    /**
     * Signals the master's process (SIGTERM, then SIGKILL) and removes its socket; works on a
     * master that no longer answers. Returns the pid that was signalled.
     */
    public long kill(Path socket, boolean cutDependants) throws MasterException {
        List<LaunchRecord> riding = riding(socket);
        refuseIfDependants(Action.KILL, socket, cutDependants);
        long pid = masterPid(socket).orElseThrow(() ->
                new MasterException("no master process found for " + socket));
        try {
            killer.kill(pid, socket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MasterException("interrupted while killing " + pid);
        }
        records.remove(socket);
        socketStates.decided(socket, new MasterState.None());
        markCut(riding, socket, "killed");
        return pid;
    }

    private void refuseIfDependants(Action action, Path socket, boolean cutDependants) throws MasterException {
        if (cutDependants) {
            return;
        }
        Optional<String> warning = warning(action, socket);
        if (warning.isPresent()) {
            throw new MasterException.HasDependants(warning.get());
        }
    }

    private List<LaunchRecord> riding(Path socket) {
        return records.all().stream().filter(launch -> launch.rides(socket)).toList();
    }

    private void markCut(List<LaunchRecord> riding, Path socket, String how) {
        String jump = index.labelsAt(socket).stream().sorted().findFirst().orElse(socket.getFileName().toString());
        for (LaunchRecord launch : riding) {
            MasterState cut = new MasterState.Cut("via " + jump + ", whose master was " + how);
            launch.aliases().forEach(alias -> states.decided(alias, cut));
            index.labelsAt(launch.socket()).forEach(alias -> states.decided(alias, cut));
        }
    }

    private static String name(LaunchRecord launch) {
        return launch.aliases().isEmpty() ? launch.socket().getFileName().toString() : String.join(",", launch.aliases());
    }

    private OptionalLong masterPid(Path socket) {
        if (inspector.probe(socket) instanceof Probe.Alive alive) {
            return OptionalLong.of(alive.pid());
        }
        OptionalLong listener = ListenerPids.find(socket);
        if (listener.isPresent()) {
            return listener;
        }
        return records.find(socket)
                .filter(launch -> launch.pid() > 0 && ProcessHandle.of(launch.pid()).map(ProcessHandle::isAlive).orElse(false))
                .map(launch -> OptionalLong.of(launch.pid()))
                .orElse(OptionalLong.empty());
    }

    static String problem(MuxException e) {
        if (e instanceof MuxException.NoSocket) {
            return "no master is running";
        } else if (e instanceof MuxException.Refused) {
            return "the master is gone (stale socket)";
        } else if (e instanceof MuxException.Timeout) {
            return "the master does not answer (use kill)";
        }
        return e.getMessage();
    }
}
