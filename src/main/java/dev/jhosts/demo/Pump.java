package dev.jhosts.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies one stream into another on a thread of its own, flushing each chunk (a channel sends only what is flushed). */
final class Pump implements Runnable {
    private static final int BUFFER = 32 * 1024;

    private final InputStream from;
    private final OutputStream to;
    private final boolean closeAtEnd;

    private Pump(InputStream from, OutputStream to, boolean closeAtEnd) {
        this.from = from;
        this.to = to;
        this.closeAtEnd = closeAtEnd;
    }

    /** Starts copying; {@code closeAtEnd} closes {@code to} at the end of {@code from} (a pipe's EOF). */
    static Thread start(InputStream from, OutputStream to, String name, boolean closeAtEnd) {
        Thread thread = new Thread(new Pump(from, to, closeAtEnd), "jhosts-demo-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[BUFFER];
        try {
            for (int n; (n = from.read(buffer)) >= 0; ) {
                if (n > 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            }
        } catch (IOException ended) {
            // the process or the channel went away: nothing more to copy
        } finally {
            if (closeAtEnd) {
                try {
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }
    }
}
