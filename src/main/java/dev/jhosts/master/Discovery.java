package dev.jhosts.master;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Finds every master jhosts can see: those it launched (launch records), every socket in its
 * control directory ({@link MasterSockets}), and those at the ControlPaths learned so far. Stale sockets are removed on
 * the way; sockets with nothing behind them are left out. What it sees is published as
 * observations, so it never overrides a launch that finished after the listing began.
 */
public final class Discovery {
    private final ControlPathIndex index;
    private final MasterStates states;
    private final SocketStates socketStates;
    private final SocketInspector inspector;
    private final LaunchRecords records;
    private final ControlDirectory directory;
    private final Executor probes;

    public Discovery(ControlPathIndex index, MasterStates states, MasterProbe probe, LaunchRecords records,
            ControlDirectory directory, Executor probes) {
        this.index = index;
        this.states = states;
        this.socketStates = new SocketStates(states, index);
        this.inspector = new SocketInspector(probe, records);
        this.records = records;
        this.directory = directory;
        this.probes = probes;
    }

    /** Every master found now, in the order of their sockets (records, directory, learned paths). */
    public List<MasterInfo> list() {
        long ticket = states.beginObservation();
        Set<Path> sockets = new LinkedHashSet<>();
        records.all().forEach(launch -> sockets.add(launch.socket()));
        sockets.addAll(MasterSockets.in(directory.path()));
        sockets.addAll(index.sockets());

        Map<Path, CompletableFuture<Optional<MasterInfo>>> probed = new LinkedHashMap<>();
        for (Path socket : sockets) {
            probed.put(socket, CompletableFuture.supplyAsync(() -> describe(socket, ticket), probes));
        }
        List<MasterInfo> found = new ArrayList<>();
        probed.values().forEach(future -> future.join().ifPresent(found::add));
        return found;
    }

    private Optional<MasterInfo> describe(Path socket, long ticket) {
        MasterState state;
        try {
            state = inspector.look(socket);
        } catch (MasterException e) {
            state = new MasterState.Failed(e.getMessage(), false);
        }
        socketStates.observed(socket, state, ticket);
        if (state instanceof MasterState.None) {
            records.remove(socket);
            return Optional.empty();
        }
        Optional<LaunchRecord> launch = records.find(socket);
        long pid = state instanceof MasterState.Live live ? live.pid() : 0;
        boolean ours = launch.isPresent() && (pid == 0 || launch.get().pid() == pid);
        Set<String> aliases = new LinkedHashSet<>(index.labelsAt(socket).stream().sorted().toList());
        if (ours) {
            aliases.addAll(launch.get().aliases());
        }
        Instant startedAt = ours ? launch.get().started() : processStart(pid);
        List<Via> via = ours ? launch.get().via() : List.of();
        return Optional.of(new MasterInfo(socket, List.copyOf(aliases), state, ours, startedAt, via));
    }

    private static Instant processStart(long pid) {
        if (pid <= 0) {
            return Instant.EPOCH;
        }
        return ProcessHandle.of(pid).flatMap(process -> process.info().startInstant()).orElse(Instant.EPOCH);
    }
}
