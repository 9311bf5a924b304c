package dev.jhosts.master;

import java.nio.file.Path;

/** What is at a socket, as a master state; a stale socket is removed on the way (and its launch record). */
final class SocketInspector {
    private final MasterProbe probe;
    private final LaunchRecords records;

    SocketInspector(MasterProbe probe, LaunchRecords records) {
        this.probe = probe;
        this.records = records;
    }

    Probe probe(Path socket) {
        return probe.probe(socket);
    }

    /** The state of the master at {@code socket}; none when nothing is there (any stale file removed). */
    MasterState look(Path socket) throws MasterException {
        Probe found = probe.probe(socket);
        if (found instanceof Probe.Stale) {
            probe.removeIfStale(socket);
            records.remove(socket);
            found = probe.probe(socket);
        }
        return toState(found);
    }

    static MasterState toState(Probe found) {
        if (found instanceof Probe.Alive alive) {
            return new MasterState.Live(alive.pid());
        } else if (found instanceof Probe.Frozen frozen) {
            return new MasterState.Unresponsive(frozen.detail());
        } else if (found instanceof Probe.Refused refused) {
            return new MasterState.Failed(refused.detail(), false);
        } else if (found instanceof Probe.Untrusted untrusted) {
            return new MasterState.Failed(untrusted.detail(), false);
        }
        return new MasterState.None();
    }

    static String describe(Probe found) {
        if (found instanceof Probe.Frozen frozen) {
            return frozen.detail();
        } else if (found instanceof Probe.Refused refused) {
            return refused.detail();
        } else if (found instanceof Probe.Untrusted untrusted) {
            return untrusted.detail();
        } else if (found instanceof Probe.Stale) {
            return "connection refused";
        }
        return "no socket";
    }
}
