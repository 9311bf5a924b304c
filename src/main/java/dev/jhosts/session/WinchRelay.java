package dev.jhosts.session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Sends SIGWINCH to a master process, which then re-reads the window size from every session's
 * tty and sends window-change (what OpenSSH's own mux client does on a resize: it relays the
 * signal to the master, mux.c control_client_sigrelay). Java has no kill(2), so one small shell
 * started on the first resize stays up and runs its built-in {@code kill} for each request: no
 * process is started per resize, and the remote side learns the size within a millisecond or
 * two rather than after a fork and exec. A burst of resizes becomes one or two signals.
 */
final class WinchRelay implements AutoCloseable {
    /** Reads a line per request; exits at end of input, or when its parent (this JVM) is gone. */
    private static final String RELAY = "while read -r _; do kill -WINCH \"$1\" 2>/dev/null || exit 0; done";

    private final long masterPid;
    private final Thread worker;
    private boolean pending;
    private boolean closed;

    WinchRelay(long masterPid) {
        this.masterPid = masterPid;
        this.worker = new Thread(this::work, "jhosts-winch-" + masterPid);
        worker.setDaemon(true);
        worker.start();
    }

    /** Asks for a SIGWINCH soon; safe to call from a signal handler thread. */
    synchronized void resized() {
        pending = true;
        notifyAll();
    }

    private void work() {
        Process relay = null;
        try {
            while (awaitRequest()) {
                if (relay == null || !relay.isAlive()) {
                    relay = new ProcessBuilder("sh", "-c", RELAY, "sh", Long.toString(masterPid))
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
                }
                OutputStream requests = relay.getOutputStream();
                requests.write("\n".getBytes(StandardCharsets.US_ASCII));
                requests.flush();
            }
        } catch (IOException e) {
            // no sh, or it went away: the remote keeps the old size until the next session
        } finally {
            if (relay != null) {
                relay.destroy();
            }
        }
    }

    private synchronized boolean awaitRequest() {
        while (!pending && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                return false;
            }
        }
        pending = false;
        return !closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
