package dev.jhosts.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and ends the processes the demo left: those of this user, started since the demo began,
 * whose command line or environment names the demo's directory. That is every ssh jhosts ran
 * for a demo host ({@code ssh -F DIR/ssh_config ...}, a ProxyJump's {@code ssh -W}), every
 * master (OpenSSH renames a master to {@code ssh: DIR/c/SOCKET [mux]}), and every process of a
 * demo session (their HOME is the scratch home), wherever they were reparented to.
 */
final class ProcessSweep {
    private static final Duration TERM_GRACE = Duration.ofMillis(800);
    private static final Duration KILL_WAIT = Duration.ofSeconds(3);
    private static final long POLL_MILLIS = 20;

    private final String directory;
    private final int uid;
    private final Instant since;

    ProcessSweep(String directory, int uid, Instant since) {
        this.directory = directory;
        this.uid = uid;
        this.since = since;
    }

    /** The pids of the demo's processes now (never this process). */
    List<Long> find() {
        long self = ProcessHandle.current().pid();
        List<Long> found = new ArrayList<>();
        for (long pid : ProcFs.pids()) {
            if (pid == self || ProcFs.uid(pid).orElse(-1) != uid || !startedSince(pid) || !alive(List.of(pid)).contains(pid)) {
                continue;
            }
            if (ProcFs.commandLine(pid).contains(directory) || ProcFs.environment(pid).contains(directory)) {
                found.add(pid);
            }
        }
        return found;
    }

    private boolean startedSince(long pid) {
        Optional<Instant> start = ProcessHandle.of(pid).flatMap(process -> process.info().startInstant());
        // the start time has a clock tick's precision: allow a second
        return start.map(instant -> !instant.isBefore(since.minusSeconds(1))).orElse(true);
    }

    /**
     * Ends them: SIGTERM (with SIGCONT, since a stopped process acts on a signal only once it
     * runs: the frozen master), SIGKILL to those left after a grace period; returns the pids that
     * survived that, which should be none.
     */
    List<Long> endAll() {
        List<Long> pids = find();
        if (pids.isEmpty()) {
            return pids;
        }
        for (long pid : pids) {
            Signals.send(pid, Signals.SIGTERM);
            Signals.send(pid, Signals.SIGCONT);
        }
        List<Long> left = awaitGone(pids, TERM_GRACE);
        for (long pid : left) {
            Signals.send(pid, Signals.SIGKILL);
        }
        return awaitGone(left, KILL_WAIT);
    }

    private static List<Long> awaitGone(List<Long> pids, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Long> alive = alive(pids);
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            alive = alive(alive);
        }
        return alive;
    }

    /** Those still running: a zombie (exited, not yet reaped by its parent) counts as gone. */
    private static List<Long> alive(List<Long> pids) {
        return pids.stream()
                .filter(pid -> ProcFs.state(pid).map(state -> !state.equals("Z") && !state.equals("X")).orElse(false))
                .toList();
    }
}
