package dev.jhosts.session;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Sends SIGWINCH to a master process, which then re-reads the window size from every session's
 * tty and sends window-change (what OpenSSH's own mux client does on a resize). A burst of
 * resizes becomes one or two signals; the signal is sent with kill(1), Java having no kill(2).
 */
final class WinchRelay implements AutoCloseable {
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
        while (awaitRequest()) {
            try {
                Process kill = new ProcessBuilder("kill", "-WINCH", Long.toString(masterPid))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                kill.waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // no kill(1): the remote keeps the old size until the next session
            } catch (InterruptedException e) {
                return;
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
