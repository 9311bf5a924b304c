package dev.jhosts.doctor;

import dev.jhosts.master.MasterProbe;
import dev.jhosts.master.MasterSockets;
import dev.jhosts.master.Probe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The sockets in jhosts' control directory ({@link MasterSockets}) and at the
 * hosts' own ControlPaths, each asked over the mux protocol (MUX_C_ALIVE_CHECK, no ssh process)
 * what is behind it. Stale and frozen ones, and another user's, are reported, never removed: jhosts removes a stale socket only when it is about to
 * start a master there, after a connect to it was refused again.
 */
final class SocketCheck {
    static final String NAME = "sockets";
    private static final int PROBES_AT_ONCE = 4;

    private SocketCheck() {}

    static List<Finding> check(Path controlDirectory, Map<Path, List<String>> hostSockets, MasterProbe probe) {
        Set<Path> sockets = new LinkedHashSet<>(MasterSockets.in(controlDirectory));
        hostSockets.keySet().stream().filter(MasterSockets::isSocket).forEach(sockets::add);
        List<Finding> findings = new ArrayList<>();
        int alive = 0;
        ExecutorService probes = Executors.newFixedThreadPool(PROBES_AT_ONCE, runnable -> {
            Thread thread = new Thread(runnable, "jhosts-doctor-probe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Probe>> answers = new ArrayList<>();
            for (Path socket : sockets) {
                answers.add(probes.submit(() -> probe.probe(socket)));
            }
            int i = 0;
            for (Path socket : sockets) {
                Probe answer = answers.get(i++).get();
                String hosts = hostSockets.containsKey(socket) ? " (" + Hosts.named(hostSockets.get(socket)) + ")" : "";
                String host = hostSockets.containsKey(socket) ? hostSockets.get(socket).get(0) : "HOST";
                if (answer instanceof Probe.Alive) {
                    alive++;
                } else if (answer instanceof Probe.Stale) {
                    findings.add(new Finding(NAME, Severity.WARNING, "stale socket " + socket + hosts + ": no master is behind it",
                            "jhosts removes it before it starts a master there; or rm " + socket));
                } else if (answer instanceof Probe.Frozen frozen) {
                    findings.add(new Finding(NAME, Severity.WARNING, "the master at " + socket + hosts + " does not answer ("
                            + frozen.detail() + ")", "jhosts master kill " + host));
                } else if (answer instanceof Probe.Untrusted untrusted) {
                    // jhosts refuses such a socket before it sends a byte, so no master of the user's
                    // can live at that ControlPath while the socket is there.
                    findings.add(new Finding(NAME, Severity.PROBLEM, "the socket at " + socket + hosts
                            + " belongs to another user (served by uid " + untrusted.uid()
                            + "): jhosts refuses it, and no master of yours can start there",
                            "remove it as its owner or root (rm " + socket + "), and give " + host
                                    + " a ControlPath in a directory only you can write (without one, jhosts uses its own)"));
                } else if (answer instanceof Probe.Refused refused) {
                    findings.add(new Finding(NAME, Severity.WARNING, "the master at " + socket + hosts + " refuses jhosts: "
                            + refused.detail(), "check who owns " + socket));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            findings.add(new Finding(NAME, Severity.NOTE, "interrupted while probing sockets", ""));
        } catch (java.util.concurrent.ExecutionException e) {
            findings.add(new Finding(NAME, Severity.WARNING, "probing sockets failed: " + e.getCause(), ""));
        } finally {
            probes.shutdownNow();
        }
        if (findings.isEmpty()) {
            findings.add(Finding.ok(NAME, alive + (alive == 1 ? " live master" : " live masters") + ", no stale sockets"));
        }
        return findings;
    }
}
