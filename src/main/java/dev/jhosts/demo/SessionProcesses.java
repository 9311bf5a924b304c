package dev.jhosts.demo;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The processes of the demo's sessions. Each session's command runs as the leader of a session
 * of its own (pty4j makes the shell one; commands on pipes run under {@code setsid}), so every
 * process it starts, background jobs and orphans included, carries that session id: a session
 * that ends is hung up as a terminal hang-up would (SIGHUP, with SIGCONT for stopped jobs), and
 * what is still there a second later is killed. At the demo's end every session left is killed.
 */
final class SessionProcesses implements AutoCloseable {
    private static final long KILL_AFTER_MILLIS = 1000;
    private static final long SETSID_WAIT_MILLIS = 1000;

    private final int uid;
    private final Set<Long> sessions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jhosts-demo-hangup");
        thread.setDaemon(true);
        return thread;
    });

    SessionProcesses(int uid) {
        this.uid = uid;
    }

    /**
     * Notes a session's command, which is to lead a session of its own: the child calls
     * setsid() after the fork, so this waits (briefly, bounded) for it to have done so. Returns
     * whether it did; only then is it tracked by session id (never the demo's own session).
     */
    boolean started(long pid) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETSID_WAIT_MILLIS);
        while (true) {
            OptionalLong session = ProcFs.session(pid);
            if (session.isPresent() && session.getAsLong() == pid) {
                sessions.add(pid);
                return true;
            }
            if (session.isEmpty() || System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Hangs up the session led by {@code pid}: SIGHUP and SIGCONT now, SIGKILL a second later. */
    void hangUp(long pid) {
        if (!sessions.remove(pid)) {
            return;
        }
        signalAll(pid, Signals.SIGHUP);
        signalAll(pid, Signals.SIGCONT);
        try {
            killer.schedule(() -> signalAll(pid, Signals.SIGKILL), KILL_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            signalAll(pid, Signals.SIGKILL);
        }
    }

    /** The pids of this user's processes in the session {@code session}. */
    List<Long> members(long session) {
        return ProcFs.pids().stream()
                .filter(pid -> ProcFs.session(pid).orElse(-1) == session)
                .filter(pid -> ProcFs.uid(pid).orElse(-1) == uid)
                .toList();
    }

    private void signalAll(long session, int signal) {
        for (long pid : members(session)) {
            Signals.send(pid, signal);
        }
    }

    /** Kills every session still tracked, and whatever was waiting for its SIGKILL. */
    @Override
    public void close() {
        for (long session : List.copyOf(sessions)) {
            signalAll(session, Signals.SIGKILL);
            sessions.remove(session);
        }
        for (Runnable pending : killer.shutdownNow()) {
            pending.run();
        }
    }
}
